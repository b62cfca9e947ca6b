package dev.igautomation.webhook;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
		String output = simulateDm("test-app-secret", "Hi from the script \"quoted\"", account.instagramAccountId(),
				"1914732468584811");

		assertThat(output).contains("\"stored\":1");
		Api.Answer messages = api.get("/api/v1/accounts/" + account.id() + "/messages", ADMIN_KEY);
		assertThat(messages.body().at("/items/0/text").asString()).isEqualTo("Hi from the script \"quoted\"");
	}

	@Test
	void withAnotherSecretTheServiceRefusesIt() throws Exception {
		assertThat(simulateDm("not-the-app-secret", "hello")).contains("invalid_signature");
	}

	/** Runs the script as the README does, against this test's service; answers what it printed. */
	private String simulateDm(String appSecret, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", "scripts/simulate-dm.sh"));
		command.addAll(List.of(arguments));
		ProcessBuilder script = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
		script.environment().put("SERVICE_URL", "http://localhost:" + port);
		script.environment().put("INSTAGRAM_APP_SECRET", appSecret);
		Process process = script.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
