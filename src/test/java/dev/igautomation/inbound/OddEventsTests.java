package dev.igautomation.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever a signed sender puts in a body, the service acknowledges it, keeps every event, forwards the good ones
 * and never answers 500: each event is judged on its own. Run on H2 and on PostgreSQL, which must store the same.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class OddEventsTests {

	@Autowired
	RestTestClient client;

	@Autowired
	MeterRegistry meters;

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
	void oneOddEventDoesNotSpoilTheBodyItCameIn(CapturedOutput output) {
		double invalidBefore = invalidCount();
		String body = body(event("good-" + TestAccounts.unique(), "1763800000123", "2001", "fine"),
				event("far-future", "9223372036854775807", "2002", "from the far future"),
				event("wrong-type", "{\"at\":\"noon\"}", "2003", "with an object for a time"),
				event("long-sender", "1763800000123", "9".repeat(100), "from a very long id"),
				event("m".repeat(600), "1763800000123", "2005", "with a very long mid"));

		Api.Answer answer = webhooks.post(body);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("stored").asInt()).isEqualTo(5);
		List<JsonNode> forwarded = awaitForwarded(3);
		assertThat(forwarded).extracting(payload -> payload.get("message").asString())
			.containsExactlyInAnyOrder("fine", "from the far future", "with an object for a time");
		JsonNode future = forwarded.stream().filter(p -> p.get("message").asString().contains("future")).findFirst()
			.orElseThrow();
		assertThat(future.get("timestamp_adjusted").asBoolean()).isTrue();
		assertThat(future.get("original_timestamp").asString()).isEqualTo("9223372036854775807");
		assertThat(Instant.parse(future.get("timestamp").asString())).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));

		JsonNode invalid = api.get("/api/v1/accounts/" + account.id() + "/messages?kind=invalid", Api.ADMIN_KEY)
			.body()
			.get("items");
		assertThat(invalid).hasSize(2);
		assertThat(invalid.findValuesAsString("problem")).anyMatch(problem -> problem.startsWith("sender.id"))
			.anyMatch(problem -> problem.startsWith("the message id (mid)"));
		assertThat(invalidCount() - invalidBefore).isEqualTo(2.0);
		assertThat(output.getOut()).doesNotContain("Exception");
	}

	@Test
	void bodiesOfEveryShapeAreAcknowledgedAndKept() {
		List<String> bodies = List.of("[1, 2, 3]", "\"just a string\"", "{\"entry\": [1, \"x\", null]}",
				"{\"entry\": [{\"id\": {\"nested\": true}, \"messaging\": [null, \"y\", {\"sender\": \"z\"}]}]}",
				"{\"entry\": [{\"id\": \"%s\", \"messaging\": {\"not\": \"a list\"}, \"changes\": 7}]}"
					.formatted(account.instagramAccountId()),
				"{\"entry\": [{\"id\": \"%s\", \"time\": \"yesterday\", \"changes\": [{\"field\": \"comments\", "
						.formatted(account.instagramAccountId()) + "\"value\": {\"id\": 5, \"from\": []}}]}]}");
		for (String body : bodies) {
			Api.Answer answer = webhooks.post(body);
			assertThat(answer.status()).as(body).isEqualTo(200);
			assertThat(answer.body().get("stored").asInt()).as(body).isPositive();
		}
	}

	@Test
	void messagesWithoutAMidAreNotTakenForEachOther() {
		String first = body("""
				{"sender":{"id":"3001"},"recipient":{"id":"%s"},"timestamp":1763800000123,"message":{"text":"one"}}"""
			.formatted(account.instagramAccountId()));
		String second = first.replace("\"one\"", "\"two\"");

		assertThat(webhooks.post(first).body().get("stored").asInt()).isEqualTo(1);
		assertThat(webhooks.post(second).body().get("stored").asInt()).isEqualTo(1);
		assertThat(webhooks.post(first).body().get("stored").asInt()).as("the first again").isZero();

		assertThat(awaitForwarded(2)).extracting(payload -> payload.get("message").asString())
			.containsExactlyInAnyOrder("one", "two");
	}

	@Test
	void readReceiptRedeliveredWithAnIsoTimeIsForwardedOnce() throws InterruptedException {
		String read = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"3002"},
				"recipient":{"id":"%s"},"timestamp":"2026-11-30T10:00:00Z","read":{"mid":"m-read-1"}}]}]}""";

		assertThat(webhooks.post(read.formatted(account.instagramAccountId(), 1L, account.instagramAccountId()))
			.body().get("stored").asInt()).isEqualTo(1);
		Thread.sleep(20);
		assertThat(webhooks.post(read.formatted(account.instagramAccountId(), 2L, account.instagramAccountId()))
			.body().get("stored").asInt()).isZero();

		JsonNode forwarded = awaitForwarded(1).get(0);
		assertThat(forwarded.get("event").asString()).isEqualTo("message.read");
		assertThat(forwarded.get("timestamp").asString()).isEqualTo("2026-11-30T10:00:00Z");
		Thread.sleep(500);
		assertThat(crmRequests()).hasSize(1);
	}

	@Test
	void textNoDatabaseCanHoldIsStoredAndForwardedInAFormBothCan() {
		String mid = "odd-text" + TestAccounts.unique();
		String body = body(event(mid, "1763800000123", "2006", "nul\\u0000 and lone \\ud800 surrogate"));

		assertThat(webhooks.post(body).status()).isEqualTo(200);

		assertThat(awaitForwarded(1).get(0).get("message").asString())
			.isEqualTo("nul\uFFFD and lone \uFFFD surrogate");
		Api.Answer stored = api.get("/api/v1/accounts/" + account.id() + "/messages/" + mid, Api.ADMIN_KEY);
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.at("/text")).isEqualTo("nul\uFFFD and lone \uFFFD surrogate");
		assertThat(stored.text()).contains("\\u0000");
	}

	private String body(String... events) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":1763800001000,"messaging":[%s]}]}"""
			.formatted(account.instagramAccountId(), String.join(",", events));
	}

	private String event(String mid, String timestamp, String sender, String text) {
		return """
				{"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":%s,"message":{"mid":"%s","text":"%s"}}"""
			.formatted(sender, account.instagramAccountId(), timestamp, mid, text);
	}

	private double invalidCount() {
		var counter = meters.find("igautomation.events.received").tag("kind", "invalid").counter();
		return counter == null ? 0 : counter.count();
	}

	private List<LoggedRequest> crmRequests() {
		return Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(account.crmPath())));
	}

	private List<JsonNode> awaitForwarded(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> crmRequests().size() >= count);
		return crmRequests().stream().map(request -> Api.json().readTree(request.getBodyAsString())).toList();
	}

}
