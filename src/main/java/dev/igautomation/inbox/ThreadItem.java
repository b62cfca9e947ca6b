package dev.igautomation.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation's thread: from the user, or from the account (sent through this service, or an echo
 * of what a person wrote in the Instagram app).
 *
 * @param id the stored event's id ({@code evt_...}) or the sent message's ({@code msg_...})
 * @param direction {@code inbound} (from the user) or {@code outbound}
 * @param kind {@code message}, {@code postback}, {@code referral} (opened from a link or an ad)
 * @param storyUrl the story a story reply answers
 * @param unsent the user took the message back
 * @param editedAt when the user last edited it; {@code text} is then the edited text
 * @param source {@code user}, {@code auto_reply}, {@code ai}, {@code api}, {@code console} or {@code instagram_app}
 * @param status for messages sent through this service: {@code pending}, {@code sending}, {@code sent},
 * {@code read} or {@code failed}
 * @param statusReason why it failed
 * @param tag the tag it was sent with ({@code HUMAN_AGENT})
 */
public record ThreadItem(String id, Instant at, String direction, String kind, String text,
		List<Attachment> attachments, String storyUrl, List<Reaction> reactions, boolean unsent, Instant editedAt,
		String source, String ruleId, String ruleName, String status, String statusReason, String tag) {

	/**
	 * An attachment: {@code image}, {@code video}, {@code audio}, {@code file}, {@code story_mention},
	 * {@code share}, {@code ig_reel}, {@code ig_post}...; {@code url} is Meta's (it expires), {@code title} a share's.
	 */
	public record Attachment(String type, String url, String title) {

		public String label() {
			return Previews.label(type);
		}

		public boolean image() {
			return "image".equals(type) || "story_mention".equals(type);
		}

	}

	/** A reaction on the message: its emoji, and who reacted ({@code user} or {@code account}). */
	public record Reaction(String emoji, String by) {
	}

	public boolean fromUser() {
		return "inbound".equals(direction);
	}

}
