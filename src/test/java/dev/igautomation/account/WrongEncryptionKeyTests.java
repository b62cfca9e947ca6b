package dev.igautomation.account;

import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.system.MissingSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.igautomation.InstagramAutomationApplication;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service started on a database whose credentials were written with another key: {@code /health} is DOWN with
 * the reason, a send is a 503 with a stable type rather than a 500, and in production it does not start.
 */
abstract class WrongEncryptionKeyTests {

	private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@Autowired
	RestTestClient client;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Value("${spring.datasource.username}")
	String databaseUser;

	@Test
	void credentialsThatDoNotDecryptAreA503AndHealthSaysWhy() {
		String accountId = new Api(client).createAccount(ADMIN_KEY, Map.of());

		try (ConfigurableApplicationContext other = startWithOtherKey()) {
			Api api = new Api(RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + ((WebServerApplicationContext) other).getWebServer().getPort())
				.build());
			Answer health = api.get("/health", null);
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.at("/status")).isEqualTo("DOWN");
			assertThat(health.at("/components/credentials/details/reason")).contains("APP_ENCRYPTION_KEY");

			Answer send = api.post("/api/v1/messages/send", ADMIN_KEY, Map.of("account_id", accountId,
					"recipient_id", "1914732468584811", "message", "hello", "idempotency_key", "k-wrong-key"));
			assertThat(send.status()).as(send.text()).isEqualTo(503);
			assertThat(send.contentType()).isEqualTo("application/problem+json");
			assertThat(send.at("/type")).isEqualTo("urn:igautomation:problem:credentials_unreadable");
			assertThat(send.at("/detail")).contains("APP_ENCRYPTION_KEY");
			assertThat(api.get("/api/v1/accounts/" + accountId, ADMIN_KEY).status())
				.as("what needs no credential still works").isEqualTo(200);

			CredentialCheck inProduction = new CredentialCheck(other.getBean(AccountRepository.class),
					other.getBean(CredentialCipher.class), "production");
			assertThatThrownBy(inProduction::check).isInstanceOf(MissingSettings.class)
				.hasMessageContaining("APP_ENCRYPTION_KEY");
		}
	}

	/** The same database with another key; its job queue polls too seldom to touch the other tests' jobs. */
	private ConfigurableApplicationContext startWithOtherKey() {
		return new SpringApplicationBuilder(InstagramAutomationApplication.class).run("--server.port=0",
				"--spring.profiles.active=test", "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=" + databaseUser, "--spring.datasource.password=",
				"--app.security.encryption-key=" + OTHER_KEY,
				"--db-scheduler.polling-interval=1h", "--spring.flyway.enabled=false");
	}

}
