package dev.igautomation.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CRM deliveries through outages: retries on the schedule (300 ms apart in the test profile, four attempts in all),
 * {@code Retry-After}, dead letters, and retrying by hand. Run on H2 and on PostgreSQL.
 */
abstract class CrmDeliveryTests {

	@Autowired
	RestTestClient client;

	Api api;

	Webhooks webhooks;

	TestAccounts account;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		webhooks = new Webhooks(api);
		account = TestAccounts.create(api);
	}

	@Test
	void crmThatFailsTwiceGetsTheDeliveryOnTheThirdAttemptUnderOneWebhookId() {
		String scenario = "flaky-" + account.id();
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED).willReturn(serverError()).willSetStateTo("failed once"));
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).inScenario(scenario)
			.whenScenarioStateIs("failed once").willReturn(aResponse().withStatus(502)).willSetStateTo("failed twice"));
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).inScenario(scenario)
			.whenScenarioStateIs("failed twice").willReturn(ok()));

		sendMessage();

		JsonNode delivery = awaitDelivery("delivered");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
		List<LoggedRequest> attempts = crmRequests();
		assertThat(attempts).hasSize(3);
		assertThat(attempts).extracting(request -> request.getHeader("webhook-id"))
			.containsOnly(delivery.get("id").asString());
		assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.get(0).getBodyAsString());
	}

	@Test
	void retryAfterOfTheCrmIsHonoured() {
		String scenario = "busy-" + account.id();
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
			.willSetStateTo("rested"));
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).inScenario(scenario)
			.whenScenarioStateIs("rested").willReturn(ok()));

		sendMessage();

		// The attempt is recorded just after the CRM answers: wait for the record, not only for the request.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> crmRequests().size() == 1 && onlyDelivery().path("last_status_code").asInt() == 429);
		JsonNode waiting = onlyDelivery();
		assertThat(waiting.get("status").asString()).isEqualTo("pending");
		assertThat(waiting.get("last_status_code").asInt()).isEqualTo(429);
		Duration wait = Duration.between(Instant.parse(waiting.get("updated_at").asString()),
				Instant.parse(waiting.get("next_attempt_at").asString()));
		assertThat(wait).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
		awaitDelivery("delivered");
		List<LoggedRequest> attempts = crmRequests();
		assertThat(Duration.between(attempts.get(0).getLoggedDate().toInstant(),
				attempts.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
	}

	@Test
	void deliveryFailsAfterTheLastAttemptAndCanBeRetriedByHand() {
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(serverError().withBody("db down")));
		sendMessage();

		JsonNode failed = awaitDelivery("failed");
		assertThat(failed.get("attempts").asInt()).isEqualTo(4);
		assertThat(failed.get("last_status_code").asInt()).isEqualTo(500);
		assertThat(failed.get("last_error").asString()).isEqualTo("HTTP 500: db down");
		assertThat(failed.get("next_attempt_at").isNull()).isTrue();
		assertThat(api.get("/api/v1/accounts/" + account.id() + "/deliveries?status=failed", ADMIN_KEY).body()
			.get("items")).hasSize(1);
		assertThat(api.get("/api/v1/accounts/" + account.id() + "/deliveries?status=pending", ADMIN_KEY).body()
			.get("items")).isEmpty();

		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok()));
		Api.Answer retried = api.post("/api/v1/deliveries/" + failed.get("id").asString() + "/retry", ADMIN_KEY, null);
		assertThat(retried.status()).isEqualTo(200);

		JsonNode delivered = awaitDelivery("delivered");
		assertThat(delivered.get("attempts").asInt()).isEqualTo(5);
		assertThat(crmRequests()).extracting(request -> request.getHeader("webhook-id"))
			.containsOnly(failed.get("id").asString());
	}

	@Test
	void failedDeliveriesOfAnAccountAreRetriedTogetherAfterAnOutage() {
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(aResponse().withStatus(503)));
		sendMessage();
		sendMessage();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> deliveries("failed").size() == 2);

		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok()));
		Api.Answer retried = api.post("/api/v1/accounts/" + account.id() + "/deliveries/retry", ADMIN_KEY, null);

		assertThat(retried.body().get("retried").asInt()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries("delivered").size() == 2);
	}

	@Test
	void crmThatDoesNotAnswerInTimeIsAFailedAttempt() {
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok().withFixedDelay(3000)));

		sendMessage();

		await().atMost(Duration.ofSeconds(10)).until(() -> onlyDelivery().get("attempts").asInt() >= 1);
		JsonNode delivery = onlyDelivery();
		assertThat(delivery.get("last_error").asString()).contains("timeout");
		assertThat(delivery.get("last_status_code").isNull()).isTrue();
	}

	@Test
	void crmThatKeepsTimingOutIsNotWaitedForAgainAndAgain() {
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok().withFixedDelay(3000)));

		for (int i = 0; i < 6; i++) {
			sendMessage();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(null).stream()
			.anyMatch(delivery -> delivery.path("last_error").asString("").contains("circuit open")));
		assertThat(crmRequests().size()).isLessThan(6 * 4);
	}

	@Test
	void pendingDeliveryCannotBeRetriedAndOthersDeliveriesAreHidden() {
		Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok().withFixedDelay(3000)));
		sendMessage();
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(null).size() == 1);
		String id = onlyDelivery().get("id").asString();

		Api.Answer retried = api.post("/api/v1/deliveries/" + id + "/retry", ADMIN_KEY, null);
		assertThat(retried.status()).isEqualTo(409);
		assertThat(retried.at("/code")).isEqualTo("delivery_pending");

		String otherAccount = api.createAccount(ADMIN_KEY, Map.of());
		String scopedKey = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "other",
				"account_ids", List.of(otherAccount))).at("/key");
		assertThat(api.get("/api/v1/deliveries/" + id, scopedKey).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/accounts/" + account.id() + "/deliveries", scopedKey).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/deliveries/dlv_nope", ADMIN_KEY).at("/code")).isEqualTo("delivery_not_found");
		assertThat(api.get("/api/v1/accounts/" + account.id() + "/deliveries?status=lost", ADMIN_KEY).status())
			.isEqualTo(400);
	}

	private void sendMessage() {
		String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(), TestAccounts.unique());
		assertThat(webhooks.post(body).status()).isEqualTo(200);
	}

	private List<LoggedRequest> crmRequests() {
		return Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(account.crmPath())));
	}

	private List<JsonNode> deliveries(String status) {
		Api.Answer answer = api.get("/api/v1/accounts/" + account.id() + "/deliveries"
				+ (status == null ? "" : "?status=" + status), ADMIN_KEY);
		List<JsonNode> items = new java.util.ArrayList<>();
		answer.body().get("items").forEach(items::add);
		return items;
	}

	private JsonNode onlyDelivery() {
		List<JsonNode> all = deliveries(null);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private JsonNode awaitDelivery(String status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(status).size() == 1);
		return deliveries(status).get(0);
	}

}
