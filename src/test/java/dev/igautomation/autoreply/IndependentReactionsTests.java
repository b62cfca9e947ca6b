package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each feature reacts to a message on its own: a model that takes 5 seconds to answer (longer than the AI timeout of
 * the tests, 1 s) and a Graph API that refuses the reply hold back and undo nothing of the CRM's delivery of the
 * same message. Run on H2 and on PostgreSQL.
 */
abstract class IndependentReactionsTests {

	@Autowired
	RestTestClient client;

	Api api;

	Senders sender;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
	}

	@Test
	void aSlowModelAndAFailingGraphApiNeitherDelayNorUndoTheCrmDelivery() {
		String instructions = "Slow assistant " + UUID.randomUUID();
		Stubs.graph().stubFor(post(urlPathEqualTo("/ai/v1/chat/completions")).withRequestBody(containing(instructions))
			.willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"too late\"}}]}")
				.withFixedDelay(5000)));
		sender.graphAnswers(Senders.error(400, 100, 2018001, false));
		assertThat(api.post("/api/v1/accounts/" + sender.account().id() + "/rules", ADMIN_KEY,
				Map.of("name", "Assistant", "match_type", "any", "action", "ai", "ai_instructions", instructions,
						"reply_text", "A person will answer soon."))
			.status()).isEqualTo(201);
		String mid = "mid-slow-" + UUID.randomUUID();

		long now = System.currentTimeMillis();
		assertThat(new Webhooks(api).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"Which size?"}}]}]}"""
			.formatted(sender.account().instagramAccountId(), now, sender.userId(),
					sender.account().instagramAccountId(), now, mid))
			.status()).isEqualTo(200);
		Instant acknowledged = Instant.now();

		await().atMost(Duration.ofSeconds(10)).until(() -> forwarded("message.received").size() == 1);
		Instant forwarded = forwarded("message.received").get(0).getLoggedDate().toInstant();
		assertThat(Duration.between(acknowledged, forwarded)).as("the CRM waited for nothing else")
			.isLessThan(Duration.ofMillis(700));

		await().atMost(Duration.ofSeconds(15)).until(() -> forwarded("message.status").size() == 1);
		assertThat(Api.json().readTree(forwarded("message.status").get(0).getBodyAsString()).get("status").asString())
			.isEqualTo("failed");
		assertThat(sender.graphCalls()).hasSize(1);
		JsonNode deliveries = api.get("/api/v1/accounts/" + sender.account().id() + "/deliveries", ADMIN_KEY)
			.body()
			.get("items");
		assertThat(deliveries.valueStream().map(delivery -> delivery.get("status").asString()))
			.containsExactly("delivered", "delivered");
	}

	@Test
	void aSlowAnswerToOneUserDoesNotHoldUpAnotherUserOfTheSameWebhook() {
		String instructions = "Slow for one " + UUID.randomUUID();
		String slowText = "slow-" + UUID.randomUUID();
		Stubs.graph().stubFor(post(urlPathEqualTo("/ai/v1/chat/completions")).withRequestBody(containing(instructions))
			.willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"at once\"}}]}")));
		// Added last, so it is the one that answers the slow user's request, which both match.
		Stubs.graph().stubFor(post(urlPathEqualTo("/ai/v1/chat/completions")).withRequestBody(containing(slowText))
			.willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"late\"}}]}")
				.withFixedDelay(5000)));
		sender.graphAnswers(Senders.sent("m-" + UUID.randomUUID()));
		assertThat(api.post("/api/v1/accounts/" + sender.account().id() + "/rules", ADMIN_KEY,
				Map.of("name", "Assistant", "match_type", "any", "action", "ai", "ai_instructions", instructions,
						"reply_text", "A person will answer soon."))
			.status()).isEqualTo(201);
		String slowUser = sender.userId();
		String quickUser = String.valueOf(Long.parseLong(slowUser) + 1);
		String account = sender.account().instagramAccountId();

		long now = System.currentTimeMillis();
		assertThat(new Webhooks(api).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[
				{"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"m1-%s","text":"%s"}},
				{"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"m2-%s","text":"hi"}}]}]}"""
			.formatted(account, now, slowUser, account, now, UUID.randomUUID(), slowText, quickUser, account, now + 1,
					UUID.randomUUID()))
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(15)).until(() -> sender.graphCalls().size() == 2);
		List<String> answered = sender.graphCalls()
			.stream()
			.map(call -> Api.json().readTree(call.getBodyAsString()).get("recipient").get("id").asString())
			.toList();
		assertThat(answered).as("the user whose answer waited on nothing was answered first")
			.containsExactly(quickUser, slowUser);
	}

	private List<LoggedRequest> forwarded(String event) {
		return Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.filter(request -> event.equals(Api.json().readTree(request.getBodyAsString()).get("event").asString()))
			.toList();
	}

}
