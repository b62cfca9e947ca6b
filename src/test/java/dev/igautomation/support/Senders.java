package dev.igautomation.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * An account that sends, with the Graph API stub answering for its token only, so tests do not see each other's
 * calls; and a user who wrote to it, which opens Meta's messaging window.
 */
public record Senders(TestAccounts account, String accessToken, String userId) {

	public static final String SEND_PATH = "/v25.0/me/messages";

	public static Senders create(Api api) {
		String token = "IGAAT-" + UUID.randomUUID();
		String instagramAccountId = Api.randomInstagramId();
		String crmPath = "/crm/" + UUID.randomUUID();
		String id = api.createAccount(Api.ADMIN_KEY, Map.of("instagram_account_id", instagramAccountId,
				"access_token", token, "crm_webhook_url", Stubs.crm().baseUrl() + crmPath, "webhook_secret",
				TestAccounts.WEBHOOK_SECRET));
		Stubs.crm().stubFor(post(urlPathEqualTo(crmPath)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
		return new Senders(new TestAccounts(id, instagramAccountId, crmPath, TestAccounts.WEBHOOK_SECRET), token,
				String.valueOf(2_000_000_000L + (long) (Math.random() * 1_000_000_000L)));
	}

	/** The user writes to the account at {@code at}, as a signed webhook. */
	public void userWrote(Webhooks webhooks, Instant at) {
		String body = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"in-%s","text":"hello"}}]}]}"""
			.formatted(account.instagramAccountId(), at.toEpochMilli(), userId, account.instagramAccountId(),
					at.toEpochMilli(), UUID.randomUUID());
		if (webhooks.post(body).status() != 200) {
			throw new AssertionError("webhook refused");
		}
	}

	/** Meta echoes a message the account sent to the user. */
	public void echo(Webhooks webhooks, String mid, String text) {
		long now = System.currentTimeMillis();
		webhooks.post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s","is_echo":true}}]}]}"""
			.formatted(account.instagramAccountId(), now, account.instagramAccountId(), userId, now, mid, text));
	}

	/** The user saw the conversation up to {@code mid}. */
	public void read(Webhooks webhooks, String mid) {
		long now = System.currentTimeMillis();
		webhooks.post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"read":{"mid":"%s"}}]}]}"""
			.formatted(account.instagramAccountId(), now, userId, account.instagramAccountId(), now, mid));
	}

	/** Stubs the send endpoint for this account's token. */
	public void graphAnswers(ResponseDefinitionBuilder answer) {
		Stubs.graph().stubFor(sendFromThisAccount().willReturn(answer));
	}

	public MappingBuilder sendFromThisAccount() {
		return post(urlPathEqualTo(SEND_PATH)).withHeader("Authorization", equalTo("Bearer " + accessToken));
	}

	public static ResponseDefinitionBuilder sent(String mid) {
		return okJson("{\"recipient_id\":\"1\",\"message_id\":\"" + mid + "\"}");
	}

	public static ResponseDefinitionBuilder error(int status, int code, Integer subcode, boolean transientError) {
		return com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"message":"Graph says no (%d)","type":"OAuthException","code":%d%s,
					"fbtrace_id":"AbCdEfG123","is_transient":%s}}"""
				.formatted(code, code, subcode == null ? "" : ",\"error_subcode\":" + subcode, transientError));
	}

	public List<LoggedRequest> graphCalls() {
		return Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)).withHeader("Authorization",
					equalTo("Bearer " + accessToken)));
	}

	public Map<String, Object> text(String text, String key) {
		return Map.of("account_id", account.id(), "recipient_id", userId, "message", text, "idempotency_key", key);
	}

}
