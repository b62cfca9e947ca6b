package dev.igautomation.history;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.account.AccountCredentials;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History import, recovery of messages no webhook delivered, and the webhook subscription, against Meta's
 * Conversations API on the Graph API stub. Run on H2 and on PostgreSQL.
 */
abstract class HistoryTests {

	private static final String REPLY = "Thanks, we will answer soon";

	@Autowired
	RestTestClient client;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	ReconciliationState reconciliationState;

	@Autowired
	SubscriptionCheck subscriptions;

	@Autowired
	AccountCredentials credentials;

	@Autowired
	ConversationsBudget budget;

	Api api;

	MetaConversations meta;

	String crmPath;

	String accountId;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		meta = new MetaConversations();
		crmPath = "/crm/" + UUID.randomUUID();
		Stubs.crm().stubFor(post(urlPathEqualTo(crmPath)).willReturn(ok()));
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/messages"))
			.withHeader("Authorization", equalTo("Bearer " + meta.accessToken))
			.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m-" + UUID.randomUUID() + "\"}")));
	}

	@Test
	void importReadsEveryPageOfTheLastThirtyDaysOnceWithoutAnsweringAndAWebhookLaterAddsNothing() {
		createAccount(Map.of());
		awaitImport("done");
		rule();
		Instant now = Instant.now();
		String user = "3" + (System.nanoTime() % 1_000_000_000L);
		meta.page(conversations(now.minusSeconds(3600), List.of(
				new MetaConversations.Message("imp-a-" + user, user, false, "Is it still there?", now.minusSeconds(7200)),
				new MetaConversations.Message("imp-b-" + user, user, true, "Yes it is", now.minusSeconds(3600))),
				now.minus(Duration.ofDays(2)), List.of(
				new MetaConversations.Message("imp-c-" + user, user + "1", false, "Hello", now.minus(Duration.ofDays(2))))));
		meta.page(conversations(now.minus(Duration.ofDays(40)), List.of(
				new MetaConversations.Message("imp-d-" + user, user + "2", false, "Too old", now.minus(Duration.ofDays(40))))));
		meta.publish();
		int callsBefore = meta.calls().size();

		assertThat(api.post("/api/v1/accounts/" + accountId + "/imports", ADMIN_KEY, Map.of()).status()).isEqualTo(202);
		JsonNode done = awaitImport("done");

		assertThat(done.get("conversations_done").asInt()).isEqualTo(2);
		assertThat(done.get("messages_read").asInt()).isEqualTo(3);
		assertThat(done.get("messages_stored").asInt()).isEqualTo(3);
		assertThat(meta.calls().size() - callsBefore).as("a call per page and one per conversation imported")
			.isEqualTo(4);
		List<JsonNode> forwarded = awaitForwarded(3);
		assertThat(forwarded).extracting(payload -> payload.get("source").asString()).containsOnly("import");
		assertThat(forwarded).extracting(payload -> payload.get("event").asString())
			.containsExactlyInAnyOrder("message.received", "message.echo", "message.received");
		JsonNode stored = api.get("/api/v1/accounts/" + accountId + "/messages/imp-a-" + user, ADMIN_KEY).body();
		assertThat(stored.get("source").asString()).isEqualTo("import");
		assertThat(stored.get("text").asString()).isEqualTo("Is it still there?");

		long at = now.toEpochMilli();
		assertThat(new Webhooks(api).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"imp-c-%s","text":"Hello"}}]}]}"""
			.formatted(meta.instagramAccountId, at, user + "1", meta.instagramAccountId, at, user))
			.body().get("stored").asInt()).isZero();
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> crmRequests().size() == 3);
		assertThat(replies()).as("imported history is never answered").isEmpty();
	}

	@Test
	void importedHistoryStaysOutOfTheCrmWhenTheAccountSaysSo() {
		Instant now = Instant.now();
		meta.page(conversations(now.minusSeconds(60), List.of(
				new MetaConversations.Message("quiet-" + UUID.randomUUID(), "31", false, "hi", now.minusSeconds(60)))));
		meta.publish();

		createAccount(Map.of("forward_imported", false));

		assertThat(awaitImport("done").get("messages_stored").asInt()).isEqualTo(1);
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> crmRequests().isEmpty());
	}

	@Test
	void messagesNoWebhookDeliveredAreRecoveredOnceAndOnlyYoungUnansweredOnesAnswered() {
		createAccount(Map.of());
		awaitImport("done");
		rule();
		Instant now = Instant.now();
		String known = "4" + (System.nanoTime() % 1_000_000_000L);
		String young = known + "1";
		String old = known + "2";
		String answered = known + "3";
		String delivered = "rec-a-" + known;
		long at = now.minusSeconds(300).toEpochMilli();
		new Webhooks(api).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"first"}}]}]}"""
			.formatted(meta.instagramAccountId, at, known, meta.instagramAccountId, at, delivered));
		await().until(() -> repliesTo(known) == 1);
		meta.page(conversations(now.minusSeconds(100), List.of(
				new MetaConversations.Message("rec-d-" + known, answered, false, "lost", now.minusSeconds(200)),
				new MetaConversations.Message("rec-e-" + known, answered, true, "answered from the app",
						now.minusSeconds(100))),
				now.minusSeconds(120), List.of(
				new MetaConversations.Message("rec-b-" + known, young, false, "lost, and young", now.minusSeconds(120))),
				now.minusSeconds(300), List.of(
				new MetaConversations.Message(delivered, known, false, "first", now.minusSeconds(300))),
				now.minusSeconds(1800), List.of(
				new MetaConversations.Message("rec-c-" + known, old, false, "lost, and old", now.minusSeconds(1800)))));
		meta.publish();
		reconciliationState.checked(accountId, now.minus(Duration.ofHours(1)), now, 0);

		int recovered = reconciliation.reconcile(credentials.sendingAccount(accountId));

		assertThat(recovered).isEqualTo(4);
		await().until(() -> repliesTo(young) == 1);
		List<JsonNode> forwarded = awaitForwarded(7);
		assertThat(forwarded.stream().filter(payload -> "recovered".equals(payload.path("source").asString(null))))
			.extracting(payload -> payload.get("message_id").asString())
			.containsExactlyInAnyOrder("rec-b-" + known, "rec-c-" + known, "rec-d-" + known, "rec-e-" + known);
		JsonNode health = api.get("/health", null).body();
		assertThat(health.at("/components/webhooks/details/recovered_last_24h").asLong()).isGreaterThanOrEqualTo(4);
		JsonNode analytics = api.get("/api/v1/accounts/" + accountId + "/analytics", ADMIN_KEY).body();
		assertThat(analytics.at("/messages/recovered").asLong()).isEqualTo(4);

		assertThat(reconciliation.reconcile(credentials.sendingAccount(accountId))).as("again: nothing new").isZero();
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> crmRequests().size() == 7);
		assertThat(repliesTo(old) + repliesTo(answered)).as("old or answered: no reply").isZero();
		assertThat(repliesTo(young) + repliesTo(known)).isEqualTo(2);
	}

	@Test
	void conversationsCallsKeepToMetasRateAndNeverHoldASendBack() throws InterruptedException {
		createAccount(Map.of());
		awaitImport("done");
		Instant now = Instant.now();
		new Webhooks(api).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"51"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"pace-%s","text":"hi"}}]}]}"""
			.formatted(meta.instagramAccountId, now.toEpochMilli(), meta.instagramAccountId, now.toEpochMilli(),
					UUID.randomUUID()));
		await().until(() -> api.get("/api/v1/accounts/" + accountId + "/messages", ADMIN_KEY).body().get("items")
			.size() == 1);

		int calls = 0;
		String sendStatus = null;
		Instant started = Instant.now();
		while (Duration.between(started, Instant.now()).toMillis() < 2000) {
			calls += budget.tryCall(accountId) ? 1 : 0;
			if (sendStatus == null && Duration.between(started, Instant.now()).toMillis() > 1000) {
				sendStatus = api.post("/api/v1/messages/send", ADMIN_KEY, Map.of("account_id", accountId,
						"recipient_id", "51", "message", "a reply", "idempotency_key", UUID.randomUUID().toString()))
					.at("/status");
			}
			Thread.sleep(5);
		}

		assertThat(calls).as("2 calls a second, and a burst of 2").isBetween(4, 2 * 2 + 2);
		assertThat(sendStatus).as("the send went out at once, the calls notwithstanding").isEqualTo("sent");
	}

	@Test
	void aDroppedSubscriptionIsRenewedAndOneThatCannotBeIsShown() {
		createAccount(Map.of());
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.withHeader("Authorization", equalTo("Bearer " + meta.accessToken))
			.willReturn(okJson("{\"data\":[{\"subscribed_fields\":[\"comments\"]}]}")));
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.withHeader("Authorization", equalTo("Bearer " + meta.accessToken))
			.willReturn(okJson("{\"success\":true}")));

		assertThat(subscriptions.check(credentials.sendingAccount(accountId))).isEqualTo("renewed");

		LoggedRequest renewal = Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/subscribed_apps"))
				.withHeader("Authorization", equalTo("Bearer " + meta.accessToken)))
			.get(0);
		assertThat(renewal.queryParameter("subscribed_fields").firstValue().split(","))
			.containsExactlyInAnyOrder("messages", "messaging_postbacks", "messaging_seen", "messaging_referral",
					"message_reactions", "comments");
		assertThat(api.get("/api/v1/accounts/" + accountId, ADMIN_KEY).at("/webhook_subscription")).isEqualTo("renewed");

		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.withHeader("Authorization", equalTo("Bearer " + meta.accessToken))
			.willReturn(Senders.error(403, 10, null, false)));
		assertThat(subscriptions.check(credentials.sendingAccount(accountId))).isEqualTo("failed");
		assertThat(api.get("/health", null).body().at("/components/webhooks/details/subscription_problems")
			.has(accountId)).isTrue();
	}

	private void createAccount(Map<String, Object> overrides) {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("instagram_account_id", meta.instagramAccountId,
				"access_token", meta.accessToken, "crm_webhook_url", Stubs.crm().baseUrl() + crmPath,
				"webhook_secret", "history-webhook-secret"));
		fields.putAll(overrides);
		accountId = api.createAccount(ADMIN_KEY, fields);
	}

	private void rule() {
		assertThat(api.post("/api/v1/accounts/" + accountId + "/rules", ADMIN_KEY,
				Map.of("name", "Everyone", "match_type", "any", "reply_text", REPLY)).status()).isEqualTo(201);
	}

	private JsonNode awaitImport(String state) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> state.equals(api.get("/api/v1/accounts/" + accountId + "/imports", ADMIN_KEY).at("/state")));
		return api.get("/api/v1/accounts/" + accountId + "/imports", ADMIN_KEY).body();
	}

	private static Map<Instant, List<MetaConversations.Message>> conversations(Object... updatedAndMessages) {
		Map<Instant, List<MetaConversations.Message>> conversations = new LinkedHashMap<>();
		for (int i = 0; i < updatedAndMessages.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<MetaConversations.Message> messages = (List<MetaConversations.Message>) updatedAndMessages[i + 1];
			conversations.put((Instant) updatedAndMessages[i], messages);
		}
		return conversations;
	}

	private List<LoggedRequest> crmRequests() {
		return Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(crmPath)));
	}

	private List<JsonNode> awaitForwarded(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> crmRequests().size() >= count);
		return crmRequests().stream().map(request -> Api.json().readTree(request.getBodyAsString())).toList();
	}

	private List<String> replies() {
		return Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
				.withHeader("Authorization", equalTo("Bearer " + meta.accessToken)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.toList();
	}

	private int repliesTo(String userId) {
		return (int) replies().stream().filter(reply -> reply.contains("\"id\":\"" + userId + "\"")).count();
	}

}
