package dev.igautomation.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The send API against WireMock as the Graph API: exactly once per key, retries by error class, the 24-hour window,
 * and status from pending to read. Run on H2 and on PostgreSQL.
 */
abstract class SendApiTests {

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
		sender.userWrote(webhooks, Instant.now().minusSeconds(60));
	}

	@Test
	void textIsSentOnceAndItsStatusShowsTheInstagramMessageId() {
		sender.graphAnswers(Senders.sent("mid-sent-1"));

		Api.Answer accepted = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("It is 49 EUR.", "k-1"));

		assertThat(accepted.status()).isEqualTo(202);
		String id = accepted.at("/message_id");
		assertThat(id).startsWith("msg_");
		assertThat(accepted.at("/status")).isEqualTo("sent");
		assertThat(accepted.headers().getLocation()).hasToString("/api/v1/messages/" + id + "/status");
		JsonNode sent = Api.json().readTree(Stubs.assertFixedLength(sender.graphCalls().get(0)).getBodyAsString());
		assertThat(sent.at("/recipient/id").asString()).isEqualTo(sender.userId());
		assertThat(sent.at("/message/text").asString()).isEqualTo("It is 49 EUR.");
		assertThat(sent.has("tag")).isFalse();

		JsonNode status = status(id);
		assertThat(status.get("status").asString()).isEqualTo("sent");
		assertThat(status.get("instagram_message_id").asString()).isEqualTo("mid-sent-1");
		assertThat(status.get("attempts").asInt()).isEqualTo(1);
		assertThat(status.get("sent_at").isNull()).isFalse();
	}

	@Test
	void sameKeyAndRequestReturnTheOriginalMessageAndSendNothingMore() {
		sender.graphAnswers(Senders.sent("mid-once"));
		Api.Answer first = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Once", "k-once"));

		Api.Answer again = api.exchange(HttpMethod.POST, "/api/v1/messages/send", ADMIN_KEY,
				Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(), "message", "Once"),
				headers -> headers.set("Idempotency-Key", "k-once"));

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.at("/message_id")).isEqualTo(first.at("/message_id"));
		assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
		assertThat(sender.graphCalls()).hasSize(1);
	}

	@Test
	void sameKeyWithAnotherRequestIs422() {
		sender.graphAnswers(Senders.sent("mid-a"));
		String first = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("A", "k-reused")).at("/message_id");

		Api.Answer reused = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("B", "k-reused"));

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.contentType()).isEqualTo("application/problem+json");
		assertThat(reused.at("/code")).isEqualTo("idempotency_key_reused");
		assertThat(reused.at("/message_id")).isEqualTo(first);
		assertThat(sender.graphCalls()).hasSize(1);
	}

	@Test
	void keyInHeaderAndFieldMustAgree() {
		Api.Answer answer = api.exchange(HttpMethod.POST, "/api/v1/messages/send", ADMIN_KEY,
				sender.text("x", "k-field"), headers -> headers.set("Idempotency-Key", "k-header"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().at("/errors/0/field").asString()).isEqualTo("idempotency_key");
	}

	@Test
	void identicalRequestsAtOnceMakeOneGraphCallAndOneMessage() throws Exception {
		sender.graphAnswers(Senders.sent("mid-race").withFixedDelay(300));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Api.Answer> answers = new ArrayList<>();
		try {
			List<Callable<Api.Answer>> requests = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				requests.add(() -> api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Race", "k-race")));
			}
			for (Future<Api.Answer> answer : pool.invokeAll(requests)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdown();
		}

		Set<String> messageIds = new HashSet<>();
		for (Api.Answer answer : answers) {
			assertThat(answer.status()).isIn(202, 409);
			if (answer.status() == 202) {
				messageIds.add(answer.at("/message_id"));
			}
			else {
				assertThat(answer.at("/code")).isEqualTo("request_in_progress");
				assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("1");
			}
		}
		assertThat(messageIds).hasSize(1);
		Api.Answer after = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Race", "k-race"));
		assertThat(after.status()).isEqualTo(202);
		assertThat(after.at("/message_id")).isIn(messageIds);
		assertThat(sender.graphCalls()).hasSize(1);
	}

	@Test
	void transientErrorsAreRetriedUntilTheMessageIsSent() {
		String scenario = "flaky-" + sender.accessToken();
		Stubs.graph().stubFor(sender.sendFromThisAccount().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(Senders.error(500, 2, null, true)).willSetStateTo("once"));
		Stubs.graph().stubFor(sender.sendFromThisAccount().inScenario(scenario).whenScenarioStateIs("once")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()).willSetStateTo("twice"));
		Stubs.graph().stubFor(sender.sendFromThisAccount().inScenario(scenario).whenScenarioStateIs("twice")
			.willReturn(Senders.sent("mid-after-retries")));

		Api.Answer accepted = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Hang on", "k-flaky"));

		assertThat(accepted.at("/status")).isEqualTo("pending");
		JsonNode sent = awaitStatus(accepted.at("/message_id"), "sent");
		assertThat(sent.get("attempts").asInt()).isEqualTo(3);
		assertThat(sent.get("instagram_message_id").asString()).isEqualTo("mid-after-retries");
		assertThat(sender.graphCalls()).hasSize(3);
	}

	@Test
	void transientErrorsThatNeverPassFailAfterTheLastAttempt() {
		sender.graphAnswers(Senders.error(400, 613, null, false));

		JsonNode failed = awaitStatus(
				api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Throttled", "k-613")).at("/message_id"),
				"failed");

		assertThat(failed.get("attempts").asInt()).isEqualTo(4);
		assertThat(failed.get("error_code").asInt()).isEqualTo(613);
	}

	@Test
	void permanentErrorFailsAtOnceWithMetasErrorFields() {
		sender.graphAnswers(Senders.error(400, 100, 2018001, false));

		Api.Answer accepted = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Nope", "k-100"));

		assertThat(accepted.at("/status")).isEqualTo("failed");
		JsonNode status = status(accepted.at("/message_id"));
		assertThat(status.get("error_code").asInt()).isEqualTo(100);
		assertThat(status.get("error_subcode").asInt()).isEqualTo(2018001);
		assertThat(status.get("error_message").asString()).isEqualTo("Graph says no (100)");
		assertThat(status.get("fbtrace_id").asString()).isEqualTo("AbCdEfG123");
		assertThat(sender.graphCalls()).hasSize(1);
	}

	@Test
	void expiredTokenFailsTheSendAndBlocksTheAccountUntilANewTokenIsSet() {
		sender.graphAnswers(Senders.error(401, 190, 463, false));

		Api.Answer first = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("One", "k-190-a"));
		assertThat(first.at("/status")).isEqualTo("failed");
		Api.Answer account = api.get("/api/v1/accounts/" + sender.account().id(), ADMIN_KEY);
		assertThat(account.at("/token_status")).isEqualTo("invalid");

		Api.Answer refused = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Two", "k-190-b"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/code")).isEqualTo("account_token_invalid");
		assertThat(sender.graphCalls()).hasSize(1);

		String newToken = "IGAAT-renewed-" + System.nanoTime();
		api.patch("/api/v1/accounts/" + sender.account().id(), ADMIN_KEY, Map.of("access_token", newToken));
		Stubs.graph().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(Senders.SEND_PATH))
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + newToken))
			.willReturn(Senders.sent("mid-renewed")));
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Three", "k-190-c")).at("/status"))
			.isEqualTo("sent");
	}

	@Test
	void throttlingWaitsAsLongAsMetaAsks() {
		sender.graphAnswers(Senders.error(400, 80002, null, false)
			.withHeader("X-Business-Use-Case-Usage", "{\"" + sender.account().instagramAccountId()
					+ "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":25,\"total_time\":25,"
					+ "\"estimated_time_to_regain_access\":2}]}"));

		Instant before = Instant.now();
		Api.Answer accepted = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Busy", "k-80002"));

		JsonNode status = status(accepted.at("/message_id"));
		assertThat(status.get("status").asString()).isEqualTo("pending");
		assertThat(Instant.parse(status.get("next_attempt_at").asString()))
			.isAfter(before.plus(Duration.ofMinutes(2)).minusSeconds(5));
	}

	@Test
	void sendWhoseOutcomeMetaCannotTellIsConfirmedByItsEchoNotSentAgain() {
		sender.graphAnswers(Senders.error(500, 1, 1357046, false));
		String id = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Did it go?", "k-unknown"))
			.at("/message_id");
		assertThat(status(id).get("status").asString()).isEqualTo("sending");

		sender.echo(webhooks, "mid-from-echo", "Did it go?");

		JsonNode sent = awaitStatus(id, "sent");
		assertThat(sent.get("instagram_message_id").asString()).isEqualTo("mid-from-echo");
		assertThat(sender.graphCalls()).hasSize(1);
	}

	@Test
	void sendWhoseOutcomeIsUnknownAndNeverEchoedIsSentAgainAfterTheWait() {
		String scenario = "unknown-" + sender.accessToken();
		Stubs.graph().stubFor(sender.sendFromThisAccount().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(Senders.error(500, 1, 1357046, false)).willSetStateTo("lost"));
		Stubs.graph().stubFor(sender.sendFromThisAccount().inScenario(scenario).whenScenarioStateIs("lost")
			.willReturn(Senders.sent("mid-second-try")));

		String id = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Lost?", "k-lost")).at("/message_id");

		JsonNode sent = awaitStatus(id, "sent");
		assertThat(sent.get("instagram_message_id").asString()).isEqualTo("mid-second-try");
		List<Instant> calls = sender.graphCalls().stream().map(call -> call.getLoggedDate().toInstant()).toList();
		assertThat(calls).hasSize(2);
		assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void echoArrivingBeforeTheGraphAnswerStillMatchesTheSend() throws Exception {
		sender.graphAnswers(Senders.sent("mid-slow").withFixedDelay(1500));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Api.Answer> sending = pool
				.submit(() -> api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Quick echo", "k-early")));
			await().atMost(Duration.ofSeconds(5)).until(() -> !sender.graphCalls().isEmpty());
			sender.echo(webhooks, "mid-slow", "Quick echo");

			Api.Answer accepted = sending.get();
			JsonNode status = status(accepted.at("/message_id"));
			assertThat(status.get("status").asString()).isEqualTo("sent");
			assertThat(status.get("instagram_message_id").asString()).isEqualTo("mid-slow");
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void readReceiptMarksTheMessageRead() {
		sender.graphAnswers(Senders.sent("mid-to-read"));
		String id = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Read me", "k-read")).at("/message_id");

		sender.read(webhooks, "mid-to-read");

		JsonNode read = awaitStatus(id, "read");
		assertThat(read.get("read_at").isNull()).isFalse();
	}

	@Test
	void crmHearsOfEachStatusChange() {
		sender.graphAnswers(Senders.sent("mid-status"));
		String id = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Status", "k-status")).at("/message_id");
		sender.read(webhooks, "mid-status");

		await().atMost(Duration.ofSeconds(15)).until(() -> statusEvents(id).size() == 2);
		assertThat(statusEvents(id)).extracting(event -> event.get("status").asString())
			.containsExactlyInAnyOrder("sent", "read");
		assertThat(statusEvents(id).get(0).get("instagram_message_id").asString()).isEqualTo("mid-status");
	}

	@Test
	void sendOutsideTheMessagingWindowIsRefusedBeforeAnyGraphCall() {
		Senders stale = Senders.create(api);
		stale.userWrote(webhooks, Instant.now().minus(Duration.ofHours(25)));

		Api.Answer refused = api.post("/api/v1/messages/send", ADMIN_KEY, stale.text("Too late", "k-late"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/code")).isEqualTo("outside_messaging_window");
		assertThat(Instant.parse(refused.at("/window_closed_at")))
			.isBetween(Instant.now().minus(Duration.ofHours(1).plusMinutes(1)), Instant.now());
		assertThat(refused.at("/detail")).contains("HUMAN_AGENT");
		assertThat(stale.graphCalls()).isEmpty();

		stale.graphAnswers(Senders.sent("mid-human"));
		Map<String, Object> asPerson = new HashMap<>(stale.text("A person here", "k-human"));
		asPerson.put("tag", "HUMAN_AGENT");
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, asPerson).at("/status")).isEqualTo("sent");
		JsonNode tagged = Api.json().readTree(stale.graphCalls().get(0).getBodyAsString());
		assertThat(tagged.get("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
		assertThat(tagged.get("tag").asString()).isEqualTo("HUMAN_AGENT");
	}

	@Test
	void humanAgentTagEndsSevenDaysAfterTheUsersLastMessage() {
		Senders old = Senders.create(api);
		old.userWrote(webhooks, Instant.now().minus(Duration.ofDays(8)));
		Map<String, Object> asPerson = new HashMap<>(old.text("Still there?", "k-old"));
		asPerson.put("tag", "HUMAN_AGENT");

		Api.Answer refused = api.post("/api/v1/messages/send", ADMIN_KEY, asPerson);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/detail")).contains("7 days");
	}

	@Test
	void userWhoNeverWroteCannotBeMessagedUnlessTheWindowIsSwitchedOff() {
		Senders fresh = Senders.create(api);

		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, fresh.text("Hi", "k-never-1")).at("/code"))
			.isEqualTo("outside_messaging_window");

		api.patch("/api/v1/accounts/" + fresh.account().id(), ADMIN_KEY, Map.of("messaging_window_enforced", false));
		fresh.graphAnswers(Senders.sent("mid-unenforced"));
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, fresh.text("Hi", "k-never-2")).at("/status"))
			.isEqualTo("sent");
	}

	@Test
	void attachmentQuickRepliesAndReplyToReachTheGraphApi() {
		sender.graphAnswers(Senders.sent("mid-rich"));
		Map<String, Object> rich = Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(),
				"message", "Which size?", "quick_replies",
				List.of(Map.of("title", "S", "payload", "SIZE_S"), Map.of("title", "M", "payload", "SIZE_M")),
				"reply_to", "mid-question", "idempotency_key", "k-rich");
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, rich).at("/status")).isEqualTo("sent");
		Map<String, Object> image = Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(),
				"attachment", Map.of("type", "image", "url", "https://cdn.example.com/dress.jpg"), "idempotency_key",
				"k-image");
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, image).at("/status")).isEqualTo("sent");

		List<JsonNode> calls = sender.graphCalls().stream()
			.map(call -> Api.json().readTree(call.getBodyAsString()))
			.toList();
		JsonNode first = calls.stream().filter(call -> call.at("/message").has("text")).findFirst().orElseThrow();
		JsonNode second = calls.stream().filter(call -> call.at("/message").has("attachment")).findFirst().orElseThrow();
		assertThat(first.at("/message/quick_replies/1/payload").asString()).isEqualTo("SIZE_M");
		assertThat(first.at("/message/quick_replies/0/content_type").asString()).isEqualTo("text");
		assertThat(first.at("/reply_to/mid").asString()).isEqualTo("mid-question");
		assertThat(second.at("/message/attachment/type").asString()).isEqualTo("image");
		assertThat(second.at("/message/attachment/payload/url").asString())
			.isEqualTo("https://cdn.example.com/dress.jpg");
	}

	@Test
	void invalidSendsNameWhatToFix() {
		Api.Answer tooLong = api.post("/api/v1/messages/send", ADMIN_KEY,
				sender.text("\uD83D\uDE00".repeat(251), "k-long"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().at("/errors/0/field").asString()).isEqualTo("message");
		assertThat(tooLong.body().at("/errors/0/message").asString()).contains("1000 bytes");

		Api.Answer nothing = api.post("/api/v1/messages/send", ADMIN_KEY,
				Map.of("account_id", sender.account().id(), "recipient_id", sender.userId()));
		assertThat(nothing.status()).isEqualTo(400);

		Api.Answer badAttachment = api.post("/api/v1/messages/send", ADMIN_KEY, Map.of("account_id",
				sender.account().id(), "recipient_id", "not-digits", "attachment", Map.of("type", "gif", "url", "x")));
		assertThat(badAttachment.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		badAttachment.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).contains("recipient_id", "attachment.type", "attachment.url");

		Api.Answer longTitle = api.post("/api/v1/messages/send", ADMIN_KEY, Map.of("account_id", sender.account().id(),
				"recipient_id", sender.userId(), "message", "Size?", "quick_replies",
				List.of(Map.of("title", "An extra large size, please", "payload", "XL"))));
		assertThat(longTitle.status()).isEqualTo(400);
		assertThat(longTitle.body().at("/errors/0/field").asString()).startsWith("quick_replies");
		assertThat(longTitle.body().at("/errors/0/message").asString()).contains("20");

		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY,
				Map.of("account_id", "acc_01aaaaaaaaaaaaaaaaaaaaaaaa", "recipient_id", "1", "message", "x"))
			.at("/code")).isEqualTo("account_not_found");
		assertThat(sender.graphCalls()).isEmpty();
	}

	@Test
	void statusIsOnlyForKeysThatMaySeeTheAccount() {
		sender.graphAnswers(Senders.sent("mid-private"));
		String id = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Private", "k-private")).at("/message_id");
		String other = api.createAccount(ADMIN_KEY, Map.of());
		String key = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "other", "account_ids", List.of(other)))
			.at("/key");

		assertThat(api.get("/api/v1/messages/" + id + "/status", key).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/messages/msg_nope/status", ADMIN_KEY).at("/code")).isEqualTo("message_not_found");
		assertThat(api.post("/api/v1/messages/send", key, sender.text("Hijack", "k-hijack")).status()).isEqualTo(404);
	}

	@Test
	void eachAccountIsPacedUnderItsRate() {
		sender.graphAnswers(Senders.sent("mid-paced"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Paced " + i, "k-paced-" + i))
				.at("/message_id"));
		}

		for (String id : ids) {
			awaitStatus(id, "sent");
		}
		List<Instant> calls = sender.graphCalls().stream().map(call -> call.getLoggedDate().toInstant()).sorted()
			.toList();
		assertThat(calls).hasSize(12);
		assertThat(Duration.between(calls.get(0), calls.get(11))).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
	}

	private JsonNode status(String messageId) {
		Api.Answer answer = api.get("/api/v1/messages/" + messageId + "/status", ADMIN_KEY);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.body();
	}

	private JsonNode awaitStatus(String messageId, String status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> status(messageId).get("status").asString().equals(status));
		return status(messageId);
	}

	private List<JsonNode> statusEvents(String messageId) {
		return Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.map(request -> Api.json().readTree(request.getBodyAsString()))
			.filter(event -> event.get("event").asString().equals("message.status")
					&& event.get("message_id").asString().equals(messageId))
			.toList();
	}

}
