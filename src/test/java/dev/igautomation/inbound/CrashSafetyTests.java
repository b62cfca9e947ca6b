package dev.igautomation.inbound;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.igautomation.InstagramAutomationApplication;
import dev.igautomation.support.Api;
import dev.igautomation.support.EmbeddedPostgres;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged event is never lost: events acknowledged while the job queue is stopped, by a service that then
 * goes away, all reach the CRM once the service is back.
 */
class CrashSafetyTests {

	@TempDir
	Path dataDir;

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void eventsAcknowledgedWhileTheQueueIsStoppedAreDeliveredAfterARestart(String database) throws Exception {
		String url = "H2".equals(database) ? "jdbc:h2:file:" + dataDir.resolve("db")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" : freshPostgresDatabase();
		TestAccounts account;
		try (ConfigurableApplicationContext first = start(url)) {
			first.getBean(Scheduler.class).stop();
			Api api = api(first);
			account = TestAccounts.create(api);
			Stubs.crm().stubFor(post(urlPathEqualTo(account.crmPath())).willReturn(ok()));
			Webhooks webhooks = new Webhooks(api);
			for (int i = 0; i < 5; i++) {
				String body = Webhooks.fixtureFor("message-text.json", account.instagramAccountId(),
						TestAccounts.unique());
				assertThat(webhooks.post(body).status()).isEqualTo(200);
			}
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'inbound-events'",
					Integer.class)).isEqualTo(5);
		}
		assertThat(crmRequests(account)).isZero();

		try (ConfigurableApplicationContext second = start(url)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> crmRequests(account) == 5);
		}
	}

	private static int crmRequests(TestAccounts account) {
		return Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(account.crmPath()))).size();
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(InstagramAutomationApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--app.instagram.graph-base-url=" + Stubs.graph().baseUrl());
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new Api(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
	}

	private static String freshPostgresDatabase() throws Exception {
		String name = "crash_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl())) {
			connection.createStatement().execute("create database " + name);
		}
		return EmbeddedPostgres.jdbcUrl().replace("/postgres?", "/" + name + "?");
	}

}
