package dev.igautomation.support;

import java.time.Instant;
import java.util.UUID;

/**
 * Users writing to an account, as Meta's signed webhooks say it: messages at a given time, and the reactions, edits
 * and unsends of earlier ones; and the account's own messages echoed back. Each method answers the message's mid.
 */
public record Dms(Webhooks webhooks, String instagramAccountId) {

	public String message(String userId, String text, Instant at) {
		String mid = "m-" + UUID.randomUUID();
		post(userId, instagramAccountId, at, "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}");
		return mid;
	}

	public String image(String userId, String url, Instant at) {
		String mid = "m-" + UUID.randomUUID();
		post(userId, instagramAccountId, at, "\"message\":{\"mid\":\"" + mid + "\",\"attachments\":[{\"type\":\"image\","
				+ "\"payload\":{\"url\":\"" + url + "\"}}]}");
		return mid;
	}

	/** The account wrote to the user outside this service (the Instagram app): Meta echoes it. */
	public String echo(String userId, String text, Instant at) {
		return echo(userId, "e-" + UUID.randomUUID(), text, at);
	}

	/** Meta echoes a message the account sent, with the mid it was given. */
	public String echo(String userId, String mid, String text, Instant at) {
		post(instagramAccountId, userId, at, "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text
				+ "\",\"is_echo\":true}");
		return mid;
	}

	public void react(String userId, String mid, String emoji) {
		post(userId, instagramAccountId, Instant.now(), "\"reaction\":{\"mid\":\"" + mid
				+ "\",\"action\":\"react\",\"reaction\":\"love\",\"emoji\":\"" + emoji + "\"}");
	}

	public void edit(String userId, String mid, String text) {
		post(userId, instagramAccountId, Instant.now(), "\"message_edit\":{\"mid\":\"" + mid + "\",\"text\":\"" + text
				+ "\",\"num_edit\":1}");
	}

	public void unsend(String userId, String mid) {
		post(userId, instagramAccountId, Instant.now(), "\"message\":{\"mid\":\"" + mid + "\",\"is_deleted\":true}");
	}

	private void post(String senderId, String recipientId, Instant at, String content) {
		String body = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,%s}]}]}"""
			.formatted(instagramAccountId, at.toEpochMilli(), senderId, recipientId, at.toEpochMilli(), content);
		Api.Answer answer = webhooks.post(body);
		if (answer.status() != 200) {
			throw new AssertionError("The webhook was refused: " + answer.status() + " " + answer.text());
		}
	}

	/** A user id no other test uses. */
	public static String newUser() {
		return String.valueOf(3_000_000_000L + (long) (Math.random() * 1_000_000_000L));
	}

}
