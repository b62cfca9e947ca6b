package dev.igautomation.privacy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meta's data-deletion callback: a verified signed_request deletes the user's data and nobody else's; a forged one
 * deletes nothing. Run on H2 and on PostgreSQL.
 */
abstract class DataDeletionTests {

	@Autowired
	RestTestClient client;

	Api api;

	Webhooks webhooks;

	Senders sender;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		webhooks = new Webhooks(api);
		sender = Senders.create(api);
		sender.graphAnswers(Senders.sent("mid-" + UUID.randomUUID()));
		sender.userWrote(webhooks, Instant.now().minusSeconds(30));
	}

	@Test
	void aSignedRequestDeletesTheUsersMessagesSendsDeliveriesAndPauses() {
		Senders other = new Senders(sender.account(), sender.accessToken(), "3" + System.nanoTime() % 1_000_000_000L);
		other.userWrote(webhooks, Instant.now().minusSeconds(20));
		api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Your order shipped", "k-" + UUID.randomUUID()));
		api.post(contacts(sender.userId()) + "/pause", ADMIN_KEY, null);
		await().until(() -> messages(sender.userId()) == 1 && messages(other.userId()) == 1
				&& crmDeliveriesMentioning(sender.userId()) >= 2);

		Api.Answer answer = deletionRequest(signedRequest(Webhooks.APP_SECRET, sender.userId()));

		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		String code = answer.at("/confirmation_code");
		assertThat(code).startsWith("del_");
		assertThat(answer.at("/url")).endsWith("/webhooks/instagram/data-deletion/" + code);
		assertThat(messages(sender.userId())).isZero();
		assertThat(messages(other.userId())).isEqualTo(1);
		assertThat(api.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages?recipient_id="
				+ sender.userId(), ADMIN_KEY).body().at("/items").size()).isZero();
		assertThat(api.get(contacts(sender.userId()), ADMIN_KEY).body().get("paused").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/accounts/" + sender.account().id() + "/deliveries", ADMIN_KEY).text())
			.doesNotContain(sender.userId())
			.contains(other.userId());

		Api.Answer status = api.get(URI.create(answer.at("/url")).getPath(), null);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.at("/status")).isEqualTo("completed");
		assertThat(api.get("/webhooks/instagram/data-deletion/del_unknown", null).status()).isEqualTo(404);

		Api.Answer afterDeletion = api.post("/api/v1/messages/send", ADMIN_KEY,
				sender.text("Still there?", "k-" + UUID.randomUUID()));
		assertThat(afterDeletion.status()).isEqualTo(422);
		assertThat(afterDeletion.at("/code")).isEqualTo("outside_messaging_window");
	}

	@Test
	void aForgedOrMalformedRequestDeletesNothing() {
		await().until(() -> messages(sender.userId()) == 1);

		Api.Answer forged = deletionRequest(signedRequest("not-the-app-secret", sender.userId()));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.contentType()).isEqualTo("application/problem+json");
		assertThat(forged.at("/code")).isEqualTo("invalid_signed_request");
		assertThat(deletionRequest("no-dot-here").status()).isEqualTo(401);
		assertThat(deletionRequest("%%%.###").status()).isEqualTo(401);
		Api.Answer missing = api.exchange(HttpMethod.POST, "/webhooks/instagram/data-deletion", null, "other=1",
				headers -> headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED));
		assertThat(missing.status()).isEqualTo(400);

		assertThat(messages(sender.userId())).isEqualTo(1);
	}

	private Api.Answer deletionRequest(String signedRequest) {
		return api.exchange(HttpMethod.POST, "/webhooks/instagram/data-deletion", null,
				"signed_request=" + java.net.URLEncoder.encode(signedRequest, StandardCharsets.UTF_8),
				headers -> headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED));
	}

	/** As Meta makes it: base64url(HMAC-SHA256(secret, payload)) + "." + payload, payload base64url JSON. */
	private static String signedRequest(String secret, String userId) {
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		String payload = base64url.encodeToString("""
				{"algorithm":"HMAC-SHA256","expires":0,"issued_at":%d,"user_id":"%s"}"""
			.formatted(Instant.now().getEpochSecond(), userId)
			.getBytes(StandardCharsets.UTF_8));
		byte[] signature = dev.igautomation.system.HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8),
				payload.getBytes(StandardCharsets.US_ASCII));
		return base64url.encodeToString(signature) + "." + payload;
	}

	private int messages(String userId) {
		return api.get("/api/v1/accounts/" + sender.account().id() + "/messages?user_id=" + userId, ADMIN_KEY)
			.body()
			.at("/items")
			.size();
	}

	private long crmDeliveriesMentioning(String userId) {
		return Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.filter(request -> request.getBodyAsString().contains(userId))
			.count();
	}

	private String contacts(String userId) {
		return "/api/v1/accounts/" + sender.account().id() + "/contacts/" + userId;
	}

}
