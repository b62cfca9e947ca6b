package dev.igautomation.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a sender's user does, as signed webhooks in Meta's shapes — writes, taps a button, opens a link, comments —
 * and what reached the Graph API stub and the CRM stub for that account.
 */
public record UserEvents(Senders sender, Webhooks webhooks) {

	/** How long to watch for a call that must not come, once what could cause it was processed. */
	public static final Duration QUIET = Duration.ofMillis(800);

	/** The user writes {@code text}; returns the message's mid. */
	public String dm(String text) {
		String mid = "mid-in-" + UUID.randomUUID();
		post(body("\"message\":" + Api.json().writeValueAsString(Map.of("mid", mid, "text", text))));
		return mid;
	}

	/** The webhook body of a new message from the user, to post (perhaps twice, as Meta may) with {@link #post}. */
	public String dmBody(String text) {
		return body("\"message\":" + Api.json().writeValueAsString(Map.of("mid", "mid-in-" + UUID.randomUUID(),
				"text", text)));
	}

	/** The user writes, and the message reaches the CRM: whatever it could cause has been decided. */
	public String dmAndWaitUntilProcessed(String text) {
		String mid = dm(text);
		awaitCrm(mid);
		return mid;
	}

	/** The user taps a button whose payload is {@code payload}, as Meta's messaging_postbacks event. */
	public String postback(String title, String payload) {
		String mid = "mid-postback-" + UUID.randomUUID();
		post(body("\"postback\":" + Api.json().writeValueAsString(Map.of("mid", mid, "title", title, "payload", payload))));
		return mid;
	}

	/** The user opens the conversation from an ig.me link with {@code ref}, as Meta's messaging_referral event. */
	public void referral(String ref) {
		post(body("\"referral\":"
				+ Api.json().writeValueAsString(Map.of("ref", ref, "source", "IGME_LINK", "type", "OPEN_THREAD"))));
	}

	/** The user comments {@code text} on the post {@code mediaId}; returns the comment id. */
	public String comment(String text, String mediaId) {
		String commentId = "1786" + System.nanoTime() % 1_000_000_000L;
		String body = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"changes":[{"field":"comments","value":{
				"id":"%s","from":{"id":"%s","username":"commenter"},"text":%s,
				"media":{"id":"%s","media_product_type":"FEED"}}}]}]}"""
			.formatted(sender.account().instagramAccountId(), System.currentTimeMillis(), commentId, sender.userId(),
					Api.json().writeValueAsString(text), mediaId);
		assertThat(webhooks.post(body).status()).isEqualTo(200);
		return commentId;
	}

	/** Waits until a CRM delivery of this account mentions {@code marker}. */
	public void awaitCrm(String marker) {
		await().until(() -> crmBodies().stream().anyMatch(body -> body.contains(marker)));
	}

	/** The bodies the account's CRM received. */
	public List<String> crmBodies() {
		return Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.toList();
	}

	/** The bodies the Graph API's send endpoint received from this account, oldest first. */
	public List<JsonNode> sent() {
		return sender.graphCalls()
			.stream()
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.map(call -> Api.json().readTree(call.getBodyAsString()))
			.toList();
	}

	public List<JsonNode> awaitSent(int count) {
		await().until(() -> sender.graphCalls().size() >= count);
		return sent();
	}

	/** Checks that no more than {@code count} sends come, for a while. */
	public void assertNoMoreSentThan(int count) {
		await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> sender.graphCalls().size() <= count);
		assertThat(sender.graphCalls()).hasSize(count);
	}

	/** Posts a signed webhook body; Meta's 200 expected. */
	public void post(String body) {
		assertThat(webhooks.post(body).status()).isEqualTo(200);
	}

	private String body(String content) {
		long now = Instant.now().toEpochMilli();
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,%s}]}]}"""
			.formatted(sender.account().instagramAccountId(), now, sender.userId(), sender.account().instagramAccountId(),
					now, content);
	}

}
