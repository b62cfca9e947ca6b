package dev.igautomation.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analytics over a scripted day of traffic, against counts worked out by hand. Run on H2 and on PostgreSQL.
 */
abstract class AnalyticsTests {

	@Autowired
	RestTestClient client;

	@Test
	void aScriptedDayGivesTheRightCounts() {
		Api api = new Api(client);
		Webhooks webhooks = new Webhooks(api);
		Senders anna = Senders.create(api);
		Senders ben = new Senders(anna.account(), anna.accessToken(), "4" + System.nanoTime() % 1_000_000_000L);
		String account = anna.account().id();
		anna.graphAnswers(Senders.sent("mid-" + UUID.randomUUID()));
		dev.igautomation.support.Stubs.graph()
			.stubFor(anna.sendFromThisAccount().withRequestBody(containing("this one fails")).atPriority(1)
				.willReturn(Senders.error(400, 100, null, false)));
		String rule = api.post("/api/v1/accounts/" + account + "/rules", ADMIN_KEY, Map.of("name", "Price",
				"match_type", "contains", "pattern", "price", "reply_text", "49 EUR.")).at("/id");
		Instant day = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));

		// Anna asks, a person answers from the app after 60 s; she writes twice more, answered 180 s after the first.
		post(webhooks, anna, day, false, "Hi there");
		post(webhooks, anna, day.plusSeconds(60), true, "Hello Anna!");
		post(webhooks, anna, day.plusSeconds(120), false, "Do you ship to Spain?");
		post(webhooks, anna, day.plusSeconds(130), false, "And Portugal?");
		post(webhooks, anna, day.plusSeconds(300), true, "Yes, both.");
		// Ben asks for the price: the rule answers him (no echo comes back in this script), nobody else does.
		post(webhooks, ben, day.plusSeconds(200), false, "price?");
		await().until(() -> api.get("/api/v1/accounts/" + account + "/sent-messages?source=auto_reply", ADMIN_KEY)
			.body()
			.at("/items")
			.size() == 1);
		// The CRM sends two messages through the API: one goes out, one Meta refuses.
		api.post("/api/v1/messages/send", ADMIN_KEY, anna.text("Your parcel left", "k-" + UUID.randomUUID()));
		api.post("/api/v1/messages/send", ADMIN_KEY, ben.text("this one fails", "k-" + UUID.randomUUID()));
		// Outside the period: not counted.
		post(webhooks, anna, day.minus(Duration.ofHours(2)), false, "Yesterday's question");

		// 7 events and 3 message.status (2 sent, 1 failed) reach the CRM, all made in the period (deliveries count
		// by when they were made, the old message's too).
		await().until(() -> deliveredIn(api, account) >= 10);
		JsonNode report = api.get("/api/v1/accounts/" + account + "/analytics?from=" + day.minusSeconds(1) + "&to="
				+ Instant.now().plusSeconds(60), ADMIN_KEY).body();

		assertThat(report.at("/messages/received").asLong()).isEqualTo(4);
		assertThat(report.at("/messages/sent").asLong()).isEqualTo(2);
		assertThat(report.at("/messages/unique_users").asLong()).isEqualTo(2);
		assertThat(report.at("/sends/sent").asLong()).isEqualTo(2);
		assertThat(report.at("/sends/failed").asLong()).isEqualTo(1);
		assertThat(report.at("/sends/auto_replies").asLong()).isEqualTo(1);
		assertThat(report.at("/replies_per_rule/0/rule_id").asString()).isEqualTo(rule);
		assertThat(report.at("/replies_per_rule/0/name").asString()).isEqualTo("Price");
		assertThat(report.at("/replies_per_rule/0/replies").asLong()).isEqualTo(1);
		assertThat(report.at("/crm_deliveries/delivered").asLong()).isEqualTo(10);
		assertThat(report.at("/crm_deliveries/failed").asLong()).isZero();
		// Turns belong to the conversation, not to the period asked: "Yesterday's question" (arrived late, before the
		// period) opened Anna's turn, "Hi there" only continued it, so that turn started outside the period. Hers
		// that counts is "Do you ship to Spain?", answered 180 s later; Ben's is not answered.
		assertThat(report.at("/first_reply/answered").asLong()).isEqualTo(1);
		assertThat(report.at("/first_reply/median_seconds").asDouble()).isEqualTo(180.0);
		assertThat(report.at("/first_reply/p90_seconds").asDouble()).isEqualTo(180.0);

		Api.Answer backwards = api.get("/api/v1/accounts/" + account + "/analytics?from=2026-02-01T00:00:00Z&to="
				+ "2026-01-01T00:00:00Z", ADMIN_KEY);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body().at("/errors/0/field").asString()).isEqualTo("from");
	}

	private static long deliveredIn(Api api, String account) {
		return api.get("/api/v1/accounts/" + account + "/deliveries?status=delivered&limit=100", ADMIN_KEY)
			.body()
			.at("/items")
			.size();
	}

	/** A message from the user, or (echo) from the account to the user, at {@code at}. */
	private static void post(Webhooks webhooks, Senders user, Instant at, boolean echo, String text) {
		String account = user.account().instagramAccountId();
		String from = echo ? account : user.userId();
		String to = echo ? user.userId() : account;
		String body = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"m-%s","text":"%s"%s}}]}]}"""
			.formatted(account, at.toEpochMilli(), from, to, at.toEpochMilli(), UUID.randomUUID(), text,
					echo ? ",\"is_echo\":true" : "");
		assertThat(webhooks.post(body).status()).isEqualTo(200);
	}

}
