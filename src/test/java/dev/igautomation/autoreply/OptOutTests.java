package dev.igautomation.autoreply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.UserEvents;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Opt-out end to end: STOP silences every automation for that user (auto-replies, comment private replies) after one
 * confirmation, the send API still sends but says so, START brings automations back, and the CRM hears of each
 * change once. Run on H2 and on PostgreSQL.
 */
abstract class OptOutTests {

	static final String STOPPED = "You will get no more automated messages from us. Write START to get them again.";

	static final String STARTED = "Welcome back: automated messages are on again. Write STOP to turn them off.";

	@Autowired
	RestTestClient client;

	Api api;

	Senders sender;

	UserEvents user;

	String instructions = "You are the assistant of Acme " + UUID.randomUUID();

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
		sender.graphAnswers(Senders.sent("mid-auto-" + UUID.randomUUID()));
		user = new UserEvents(sender, new Webhooks(api));
		String rules = "/api/v1/accounts/" + sender.account().id() + "/rules";
		assertThat(api.post(rules, ADMIN_KEY, Map.of("name", "Default", "match_type", "any", "reply_text", "Thanks!"))
			.status()).isEqualTo(201);
		assertThat(api.post(rules, ADMIN_KEY, Map.of("name", "Comments", "trigger", "comment", "match_type", "any",
				"reply_text", "Thanks for the comment")).status()).isEqualTo(201);
		assertThat(api.post(rules, ADMIN_KEY, Map.of("name", "Assistant", "trigger", "postback", "match_type", "any",
				"action", "ai", "ai_instructions", instructions, "reply_text", "A person will answer.")).status())
			.isEqualTo(201);
	}

	@Test
	void stopSilencesEveryAutomationUntilStartAndTheCrmHearsOfEachChangeOnce() {
		user.dm("  Stop ");
		assertThat(texts(user.awaitSent(1))).containsExactly(STOPPED);
		user.dmAndWaitUntilProcessed("UNSUBSCRIBE");
		user.dmAndWaitUntilProcessed("hello?");
		String commentId = user.comment("nice dress", "18000000000000001");
		user.awaitCrm(commentId);
		user.postback("Ask the assistant", "ASK_AI");
		user.awaitCrm("ASK_AI");
		user.assertNoMoreSentThan(1);
		assertThat(Stubs.graph().findAll(postRequestedFor(urlPathEqualTo("/ai/v1/chat/completions"))
			.withRequestBody(containing(instructions)))).as("no AI reply is even asked for").isEmpty();
		assertThat(contact().get("opted_out").asBoolean()).isTrue();

		Api.Answer apiSend = api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("A person writes", "k-person"));
		assertThat(apiSend.status()).isEqualTo(202);
		assertThat(apiSend.body().get("opted_out").asBoolean()).isTrue();
		assertThat(texts(user.awaitSent(2))).containsExactly(STOPPED, "A person writes");
		api.post("/api/v1/accounts/" + sender.account().id() + "/contacts/" + sender.userId() + "/resume", ADMIN_KEY,
				null);

		user.dm("start");
		assertThat(texts(user.awaitSent(3))).last().isEqualTo(STARTED);
		user.dm("hello again");
		assertThat(texts(user.awaitSent(4))).last().isEqualTo("Thanks!");
		assertThat(contact().get("opted_out").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("Back", "k-back")).body().get("opted_out")
			.asBoolean()).isFalse();

		user.dmAndWaitUntilProcessed("marker");
		List<JsonNode> contactEvents = user.crmBodies().stream()
			.map(body -> Api.json().readTree(body))
			.filter(event -> event.get("event").asString().startsWith("contact."))
			.toList();
		assertThat(contactEvents).extracting(event -> event.get("event").asString())
			.containsExactlyInAnyOrder("contact.opted_out", "contact.opted_in");
		assertThat(contactEvents).allSatisfy(event -> {
			assertThat(event.get("user_id").asString()).isEqualTo(sender.userId());
			assertThat(event.get("account_id").asString()).isEqualTo(sender.account().id());
		});
	}

	@Test
	void aRedeliveredStopIsConfirmedOnceAndAStopWordInsideASentenceIsAnOrdinaryMessage() {
		user.dmAndWaitUntilProcessed("please stop sending me the price list");
		assertThat(texts(user.awaitSent(1))).containsExactly("Thanks!");

		String body = user.dmBody("STOP");
		user.post(body);
		user.post(body);
		assertThat(texts(user.awaitSent(2))).last().isEqualTo(STOPPED);
		user.dmAndWaitUntilProcessed("marker");
		user.assertNoMoreSentThan(2);
		await().until(() -> user.crmBodies().stream().filter(crm -> crm.contains("contact.opted_out")).count() == 1);
		user.dmAndWaitUntilProcessed("marker 2");
		assertThat(user.crmBodies().stream().filter(crm -> crm.contains("contact.opted_out")).count()).isEqualTo(1);
	}

	private JsonNode contact() {
		return api.get("/api/v1/accounts/" + sender.account().id() + "/contacts/" + sender.userId(), ADMIN_KEY).body();
	}

	private static List<String> texts(List<JsonNode> sent) {
		return sent.stream().map(body -> body.at("/message/text").asString()).toList();
	}

}
