package dev.igautomation.webhook;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.igautomation.support.Api;
import dev.igautomation.support.IntegrationTest;
import dev.igautomation.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/simulate-dm.sh}, the README's way to play Meta locally, signs as Meta does: the service accepts and
 * stores what it sends.
 */
@IntegrationTest
class SimulateDmScriptTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	@Test
	void theScriptsDirectMessageIsAcceptedAndStored() throws Exception {
		Api api = new Api(client);
		TestAccounts account = TestAccounts.create(api);
		ProcessBuilder script = new ProcessBuilder("bash", "scripts/simulate-dm.sh", "Hi from the script \"quoted\"",
				account.instagramAccountId(), "1914732468584811")
			.directory(new File("."))
			.redirectErrorStream(true);
		script.environment().put("SERVICE_URL", "http://localhost:" + port);
		script.environment().put("INSTAGRAM_APP_SECRET", "test-app-secret");

		Process process = script.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("\"stored\":1");
		Api.Answer messages = api.get("/api/v1/accounts/" + account.id() + "/messages", ADMIN_KEY);
		assertThat(messages.body().at("/items/0/text").asString()).isEqualTo("Hi from the script \"quoted\"");
	}

	@Test
	void withAnotherSecretTheServiceRefusesIt() throws Exception {
		ProcessBuilder script = new ProcessBuilder("bash", "scripts/simulate-dm.sh", "hello")
			.directory(new File("."))
			.redirectErrorStream(true);
		script.environment().put("SERVICE_URL", "http://localhost:" + port);
		script.environment().put("INSTAGRAM_APP_SECRET", "not-the-app-secret");

		Process process = script.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("invalid_signature");
	}

}
