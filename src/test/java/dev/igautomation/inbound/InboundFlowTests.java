package dev.igautomation.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a signed webhook to the CRM, end to end over real HTTP: Meta's side is this test, the CRM is WireMock. Run
 * on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class InboundFlowTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	Webhooks webhooks;

	TestAccounts account;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		webhooks = new Webhooks(api);
		account = TestAccounts.create(api);
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok()));
	}

	@Test
	void handshakeAnswersTheChallengeOnlyForTheVerifyToken() {
		Api.Answer accepted = api.get(
				"/webhooks/instagram?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444",
				null);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.text()).isEqualTo("1158201444");
		assertThat(accepted.contentType()).startsWith("text/plain");

		Api.Answer refused = api.get(
				"/webhooks/instagram?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(api.get("/webhooks/instagram", null).status()).isEqualTo(403);
	}

	@Test
	void signedMessageIsStoredAndReachesTheCrmOnceWithSignaturesTheCrmCanCheck() throws Exception {
		String suffix = TestAccounts.unique();
		String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), suffix);

		Api.Answer answer = webhooks.post(body);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("stored").asInt()).isEqualTo(1);
		LoggedRequest delivered = Stubs.assertFixedLength(awaitCrmRequests(1).get(0));
		String sent = delivered.getBodyAsString();
		assertThat(delivered.getHeader("X-Hub-Signature-256")).isEqualTo(Webhooks.signature(account.webhookSecret(),
				delivered.getBody()));
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(delivered.getHeader(name)));
		}
		new Webhook("whsec_" + Base64.getEncoder()
			.encodeToString(account.webhookSecret().getBytes(StandardCharsets.UTF_8))).verify(sent, headers);

		JsonNode payload = Api.json().readTree(sent);
		assertThat(payload.get("event").asString()).isEqualTo("message.received");
		assertThat(payload.get("message_id").asString())
			.isEqualTo("aWdfZAG1faWQ6MTpJR01lc3NhZA2VUaHJlYWQ6text001" + suffix);
		assertThat(payload.get("account_id").asString()).isEqualTo(account.id());
		assertThat(payload.get("sender_id").asString()).isEqualTo(Webhooks.FIXTURE_USER);
		assertThat(payload.get("recipient_id").asString()).isEqualTo(account.instagramAccountId());
		assertThat(payload.get("message").asString()).isEqualTo("Hi! How much is the blue dress? \uD83D\uDC99");
		assertThat(payload.get("attachments").isArray()).isTrue();
		assertThat(payload.get("attachments")).isEmpty();
		assertThat(payload.has("reply_to")).as("reply_to: null, as the README shows").isTrue();
		assertThat(payload.get("reply_to").isNull()).isTrue();
		assertThat(Instant.parse(payload.get("timestamp").asString())).isEqualTo(Instant.ofEpochMilli(1763800000123L));
		assertThat(delivered.getHeader("webhook-id")).startsWith("dlv_");
	}

	@Test
	void redeliveriesAddNothing() throws Exception {
		String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique());
		assertThat(webhooks.post(body).body().get("stored").asInt()).isEqualTo(1);
		awaitCrmRequests(1);

		for (int i = 0; i < 3; i++) {
			Api.Answer again = webhooks.post(body);
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.body().get("stored").asInt()).isZero();
		}

		Thread.sleep(800);
		assertThat(storedEvents()).isEqualTo(1);
		assertThat(crmRequests()).hasSize(1);
	}

	@Test
	void identicalDeliveriesArrivingTogetherAreStoredAndForwardedOnce() throws Exception {
		String body = Webhooks.fixtureFor("message-image.json", account.instagramAccountId(), TestAccounts.unique());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> sends = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sends.add(() -> webhooks.post(body).status());
			}
			for (Future<Integer> status : pool.invokeAll(sends)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}

		awaitCrmRequests(1);
		Thread.sleep(800);
		assertThat(storedEvents()).isEqualTo(1);
		assertThat(crmRequests()).hasSize(1);
	}

	@Test
	void missingOrWrongSignatureIs401AndStoresNothing() {
		String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique());

		Api.Answer missing = webhooks.post(body, null);
		Api.Answer wrong = webhooks.post(body, Webhooks.signature("not-the-app-secret", body.getBytes()));
		Api.Answer garbage = webhooks.post(body, "sha256=zz");

		for (Api.Answer answer : List.of(missing, wrong, garbage)) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.at("/code")).isEqualTo("invalid_signature");
		}
		assertThat(storedEvents()).isZero();
	}

	@Test
	void secondAppSecretOfTheListIsAccepted() {
		String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique());

		Api.Answer answer = webhooks.post(body,
				Webhooks.signature(Webhooks.SECOND_APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(storedEvents()).isEqualTo(1);
	}

	@Test
	void nonAsciiBodyIsCheckedOverTheExactBytesSent() {
		String raw = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique())
			.replace("Hi! How much is the blue dress? \\ud83d\\udc99", "Grüße aus Köln 👋");
		String escaped = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique())
			.replace("Hi! How much is the blue dress? \\ud83d\\udc99", "Gr\\u00fc\\u00dfe aus K\\u00f6ln \\ud83d\\udc4b");
		assertThat(raw).contains("Grüße");

		Api.Answer signedOverOtherBytes = webhooks.post(raw,
				Webhooks.signature(Webhooks.APP_SECRET, escaped.getBytes(StandardCharsets.UTF_8)));
		assertThat(signedOverOtherBytes.status()).isEqualTo(401);

		assertThat(webhooks.post(raw).status()).isEqualTo(200);
		assertThat(webhooks.post(escaped).status()).isEqualTo(200);
		assertThat(jdbc.queryForList("select text from inbound_event where instagram_account_id = ?", String.class,
				account.instagramAccountId())).containsOnly("Grüße aus Köln 👋");
	}

	@Test
	void malformedJsonWithAValidSignatureIs400() {
		Api.Answer answer = webhooks.post("{\"object\": \"instagram\", \"entry\": [");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.at("/code")).isEqualTo("malformed_payload");
	}

	@Test
	void everyKindMetaSendsIsStoredAndForwardedUnderItsEventName() {
		List<String> fixtures = List.of("message-text.json", "message-image.json", "message-post-share.json",
				"message-reel.json", "message-several-attachments.json", "message-story-mention.json",
				"message-story-reply.json", "message-reply-to.json", "message-quick-reply.json",
				"message-ad-referral.json", "message-unsupported.json", "message-ephemeral.json", "message-echo.json",
				"message-deleted.json", "reaction-react.json", "reaction-unreact.json", "postback.json",
				"postback-icebreaker-referral.json", "seen.json", "referral.json", "standby-message.json",
				"comment.json", "batch-two-entries.json");
		for (String fixture : fixtures) {
			String body = Webhooks.fixtureFor(fixture, account.instagramAccountId(), TestAccounts.unique());
			assertThat(webhooks.post(body).status()).as(fixture).isEqualTo(200);
		}

		assertThat(storedEvents()).isEqualTo(fixtures.size() + 2);
		List<LoggedRequest> forwarded = awaitCrmRequests(fixtures.size() + 2);
		List<String> names = forwarded.stream()
			.map(request -> Api.json().readTree(request.getBodyAsString()).get("event").asString())
			.toList();
		assertThat(names).contains("message.received", "message.echo", "message.deleted", "message.reaction",
				"message.read", "postback.received", "referral.received", "comment.received");
		assertThat(names.stream().filter("message.received"::equals)).hasSize(15);
	}

	@Test
	void dashboardTestIsAcknowledgedButNeverTakenForAMessage() {
		Api.Answer answer = webhooks.post(Webhooks.fixture("dashboard-test-messages.json"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from inbound_event where instagram_account_id = '0' "
				+ "and kind = 'test'", Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from inbound_event where instagram_account_id = '0' "
				+ "and kind = 'message'", Integer.class)).isZero();
	}

	@Test
	void eventsOfAnUnknownAccountAreStoredAndWarnedAboutOnce(CapturedOutput output) {
		String unknownAccount = Api.randomInstagramId();

		webhooks.post(Webhooks.fixtureFor("message-text.json", unknownAccount, TestAccounts.unique()));
		webhooks.post(Webhooks.fixtureFor("message-image.json", unknownAccount, TestAccounts.unique()));

		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(unknownAccount));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from scheduled_tasks where task_instance in "
						+ "(select id from inbound_event where instagram_account_id = ?)",
				Integer.class, unknownAccount) == 0);
		assertThat(jdbc.queryForObject("select count(*) from inbound_event where instagram_account_id = ?",
				Integer.class, unknownAccount)).isEqualTo(2);
		assertThat(output.getOut().split(unknownAccount, -1)).hasSize(2);
		assertThat(jdbc.queryForObject("select count(*) from crm_delivery where source_key in "
				+ "(select 'event:' || id from inbound_event where instagram_account_id = ?)", Integer.class,
				unknownAccount)).isZero();
	}

	@Test
	void thousandEventBodyIsStoredWhole() {
		StringBuilder messaging = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			messaging.append(i == 0 ? "" : ",").append("""
					{"sender":{"id":"%d"},"recipient":{"id":"%s"},"timestamp":%d,
					 "message":{"mid":"bulk-%s-%d","text":"message %d"}}"""
				.formatted(1_000_000 + i, account.instagramAccountId(), 1763800000000L + i,
						account.instagramAccountId(), i, i));
		}
		String body = """
				{"object":"instagram","entry":[{"id":"%s","time":1763800001000,"messaging":[%s]}]}"""
			.formatted(account.instagramAccountId(), messaging);

		Api.Answer answer = webhooks.post(body);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("stored").asInt()).isEqualTo(1000);
		assertThat(storedEvents()).isEqualTo(1000);
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
				"select count(*) from crm_delivery where account_id = ?", Integer.class, account.id()) == 1000);
	}

	int storedEvents() {
		return jdbc.queryForObject("select count(*) from inbound_event where instagram_account_id = ?", Integer.class,
				account.instagramAccountId());
	}

	List<LoggedRequest> crmRequests() {
		return Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(account.crmPath())));
	}

	List<LoggedRequest> awaitCrmRequests(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> crmRequests().size() >= count);
		return crmRequests();
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
