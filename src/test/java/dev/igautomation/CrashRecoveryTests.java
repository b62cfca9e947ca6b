package dev.igautomation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.EmbeddedPostgres;
import dev.igautomation.support.MetaEchoes;
import dev.igautomation.support.ServiceProcess;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash loses nothing and doubles nothing. The service runs as a process of its own; eight senders post signed
 * direct messages, one per webhook, while their CRM deliveries and auto-replies are under way; the process is killed
 * with {@code SIGKILL} mid-burst and started again on the same database. Every message answered 200 must then reach
 * the CRM under exactly one {@code webhook-id}, and be answered through the Graph API stub exactly once, within a
 * minute of the restart. Meta's side is played for real: each send's echo comes back as a signed webhook, retried
 * until the service takes it. The account's history import, under way when the process dies, goes on after the
 * restart where it was, and each imported message reaches the CRM once too (and is never answered).
 */
class CrashRecoveryTests {

	private static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static final String REPLY = "Thanks for writing!";

	private static final Duration BURST = Duration.ofSeconds(4);

	private static final int SENDERS = 8;

	private static final int IMPORTED_CONVERSATIONS = 60;

	@TempDir
	Path dataDir;

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void everyAcknowledgedMessageIsForwardedAndAnsweredExactlyOnceAfterAKill(String database) throws Exception {
		String instagramAccountId = Api.randomInstagramId();
		int port = ServiceProcess.freePort();
		MetaEchoes echoes = new MetaEchoes(instagramAccountId, "http://localhost:" + port + "/webhooks/instagram");
		WireMockServer graph = stub(echoes);
		WireMockServer crm = stub(null);
		List<String> settings = new ArrayList<>(databaseSettings(database));
		settings.addAll(List.of("--app.instagram.graph-base-url=" + graph.baseUrl(),
				"--app.instagram.app-secret=" + Webhooks.APP_SECRET, "--app.instagram.verify-token=crash",
				"--app.security.admin-api-key=" + Api.ADMIN_KEY, "--app.security.encryption-key=" + ENCRYPTION_KEY,
				"--app.environment=development", "--app.default-account.instagram-account-id=",
				"--app.outbound.per-account-per-second=500", "--app.import.calls-per-second=6",
				"--spring.main.banner-mode=off"));
		try (ServiceProcess service = ServiceProcess.on(port, "crash-" + database, settings)) {
			graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"recipient_id\":\"{{jsonPath request.body '$.recipient.id'}}\","
						+ "\"message_id\":\"m_{{randomValue length=24 type='ALPHANUMERIC'}}\"}")
				.withTransformers("response-template")));
			crm.stubFor(post(urlPathEqualTo("/crm")).willReturn(aResponse().withStatus(200)
				.withUniformRandomDelay(5, 80)));
			Set<String> imported = history(graph, instagramAccountId);
			service.start();
			Api api = new Api(RestTestClient.bindToServer().baseUrl(service.baseUrl()).build());
			String accountId = api.createAccount(Api.ADMIN_KEY, Map.of("instagram_account_id", instagramAccountId,
					"access_token", "IGAAT-crash", "crm_webhook_url", crm.baseUrl() + "/crm", "webhook_secret",
					"crash-test-webhook-secret"));
			assertThat(api.post("/api/v1/accounts/" + accountId + "/rules", Api.ADMIN_KEY,
					Map.of("name", "Everyone", "match_type", "any", "reply_text", REPLY)).status()).isEqualTo(201);

			Map<String, String> acknowledged = burstThenKill(service, instagramAccountId);
			service.start();
			Instant restarted = Instant.now();

			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> receivedByCrm(crm).keySet().containsAll(acknowledged.keySet()));
			Duration lastForwarded = Duration.between(restarted, Instant.now());
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.until(() -> repliesByUser(graph).keySet().containsAll(acknowledged.values()));
			Thread.sleep(3000);

			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.until(() -> "done".equals(api.get("/api/v1/accounts/" + accountId + "/imports", Api.ADMIN_KEY)
					.at("/state")));
			Map<String, Set<String>> webhookIds = receivedByCrm(crm);
			Map<String, Integer> replies = repliesByUser(graph);
			assertThat(webhookIds.keySet()).as("every imported message reached the CRM").containsAll(imported);
			for (String mid : imported) {
				assertThat(webhookIds.get(mid)).as("webhook-ids of imported " + mid).hasSize(1);
			}
			assertThat(replies.keySet()).as("imported messages are never answered")
				.noneMatch(user -> user.startsWith("5"));
			System.out.printf("crash test on %s: %d messages acknowledged before the kill; all reached the CRM %d ms "
					+ "after the restart; CRM requests for them %d, distinct webhook-ids %d; Graph sends %d%n", database,
					acknowledged.size(), lastForwarded.toMillis(), crmRequestsFor(crm, acknowledged.keySet()),
					webhookIds.values().stream().mapToInt(Set::size).sum(),
					replies.values().stream().mapToInt(Integer::intValue).sum());
			assertThat(acknowledged).as("messages acknowledged before the kill").hasSizeGreaterThan(50);
			for (Map.Entry<String, String> message : acknowledged.entrySet()) {
				assertThat(webhookIds.get(message.getKey())).as("webhook-ids of " + message.getKey()).hasSize(1);
				assertThat(replies.get(message.getValue())).as("replies to " + message.getValue()).isEqualTo(1);
			}
		}
		finally {
			echoes.stop();
			graph.stop();
			crm.stop();
		}
	}

	/** Eight senders post direct messages until the service is killed; answers the mids acknowledged, by user. */
	private static Map<String, String> burstThenKill(ServiceProcess service, String instagramAccountId)
			throws InterruptedException {
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		AtomicBoolean sending = new AtomicBoolean(true);
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		for (int sender = 0; sender < SENDERS; sender++) {
			int number = sender;
			senders.submit(() -> {
				Api api = new Api(RestTestClient.bindToServer().baseUrl(service.baseUrl()).build());
				Webhooks webhooks = new Webhooks(api);
				for (int i = 0; sending.get(); i++) {
					String user = "3%d%07d".formatted(number, i);
					String mid = "crash-" + number + "-" + i;
					long now = System.currentTimeMillis();
					String body = """
							{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
							"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"hello %d"}}]}]}"""
						.formatted(instagramAccountId, now, user, instagramAccountId, now, mid, i);
					try {
						if (webhooks.post(body).status() == 200) {
							acknowledged.put(mid, user);
						}
					}
					catch (RuntimeException refused) {
						// the service is gone: what it did not answer 200 may or may not be stored
					}
				}
			});
		}
		Thread.sleep(BURST.toMillis());
		service.kill();
		sending.set(false);
		senders.shutdown();
		senders.awaitTermination(30, TimeUnit.SECONDS);
		return acknowledged;
	}

	/**
	 * The account's history on the Graph API stub: {@value #IMPORTED_CONVERSATIONS} conversations of the last days,
	 * each read in 150 ms, so that the import is still under way when the service is killed; answers their mids.
	 */
	private static Set<String> history(WireMockServer graph, String instagramAccountId) {
		Set<String> mids = new HashSet<>();
		Instant now = Instant.now();
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < IMPORTED_CONVERSATIONS; i++) {
			String user = "5" + (1_000_000 + i);
			String mid = "history-" + i;
			mids.add(mid);
			String at = now.minus(Duration.ofHours(i + 1)).toString();
			conversations.add("{\"id\":\"t_c" + i + "\",\"updated_time\":\"" + at + "\"}");
			graph.stubFor(get(urlPathEqualTo("/v25.0/t_c" + i)).willReturn(aResponse().withStatus(200)
				.withFixedDelay(150)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"id":"t_c%d","messages":{"data":[{"id":"%s","created_time":"%s","from":{"id":"%s"},
						"to":{"data":[{"id":"%s"}]},"message":"from before"}]}}"""
					.formatted(i, mid, at, user, instagramAccountId))));
		}
		for (int page = 0; page * 25 < conversations.size(); page++) {
			List<String> items = conversations.subList(page * 25, Math.min(conversations.size(), page * 25 + 25));
			boolean more = (page + 1) * 25 < conversations.size();
			graph.stubFor(get(urlPathEqualTo("/v25.0/me/conversations"))
				.withQueryParam("after", page == 0 ? absent() : equalTo("p" + page))
				.willReturn(okJson("{\"data\":[" + String.join(",", items) + "]"
						+ (more ? ",\"paging\":{\"next\":\"x\",\"cursors\":{\"after\":\"p" + (page + 1) + "\"}}" : "")
						+ "}")));
		}
		graph.stubFor(get(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.willReturn(okJson("{\"data\":[{\"subscribed_fields\":[\"messages\",\"messaging_postbacks\","
					+ "\"messaging_seen\",\"messaging_referral\",\"message_reactions\",\"comments\"]}]}")));
		return mids;
	}

	/** The webhook-ids under which the CRM received each message, by mid. */
	private static Map<String, Set<String>> receivedByCrm(WireMockServer crm) {
		Map<String, Set<String>> ids = new HashMap<>();
		for (LoggedRequest request : crm.findAll(postRequestedFor(urlPathEqualTo("/crm")))) {
			JsonNode payload = Api.json().readTree(request.getBodyAsString());
			if ("message.received".equals(payload.path("event").asString(null))) {
				ids.computeIfAbsent(payload.path("message_id").asString(), mid -> new HashSet<>())
					.add(request.getHeader("webhook-id"));
			}
		}
		return ids;
	}

	private static long crmRequestsFor(WireMockServer crm, Set<String> mids) {
		return crm.findAll(postRequestedFor(urlPathEqualTo("/crm")))
			.stream()
			.map(request -> Api.json().readTree(request.getBodyAsString()).path("message_id").asString(""))
			.filter(mids::contains)
			.count();
	}

	/** How many replies the Graph API stub received for each user. */
	private static Map<String, Integer> repliesByUser(WireMockServer graph) {
		Map<String, Integer> replies = new HashMap<>();
		for (LoggedRequest request : graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/messages")))) {
			JsonNode body = Api.json().readTree(request.getBodyAsString());
			if (REPLY.equals(body.path("message").path("text").asString(null))) {
				replies.merge(body.path("recipient").path("id").asString(), 1, Integer::sum);
			}
		}
		return replies;
	}

	private static WireMockServer stub(MetaEchoes echoes) {
		WireMockConfiguration options = WireMockConfiguration.options().dynamicPort().containerThreads(40);
		if (echoes != null) {
			options.extensions(echoes);
		}
		WireMockServer server = new WireMockServer(options);
		server.start();
		return server;
	}

	private List<String> databaseSettings(String database) throws Exception {
		if ("H2".equals(database)) {
			return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"--spring.datasource.username=sa", "--spring.datasource.password=");
		}
		String name = "crash_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl())) {
			connection.createStatement().execute("create database " + name);
		}
		return List.of("--spring.datasource.url=" + EmbeddedPostgres.jdbcUrl().replace("/postgres?", "/" + name + "?"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=");
	}

}
