package dev.igautomation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a new user meets it: no settings at all, a file database, an admin key generated and
 * printed once with the console's setup link, data kept across a restart, and no credential in plaintext on disk.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

	private static final Pattern GENERATED_KEY = Pattern.compile("iga_[A-Za-z0-9]{10}_[A-Za-z0-9]{32}");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void embeddedDefaultKeepsDataAcrossARestartAndNeverStoresCredentialsInPlaintext(@TempDir Path dataDir,
			CapturedOutput output) throws Exception {
		String key;
		String accountId;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			List<String> printed = generatedKeys(output.getOut());
			assertThat(printed).as("one admin key is generated and printed").hasSize(1);
			assertThat(output.getOut()).contains("ADMIN_API_KEY");
			assertThat(output.getOut()).as("the key and the console's setup link, in one box")
				.containsPattern("(?s)={80}\\nNo admin API key.*iga_.*/setup\\?token=[A-Za-z0-9_-]{43}\\n.*={80}");
			key = printed.get(0);
			Matcher link = Pattern.compile("http://localhost:\\d+(/setup\\?token=[A-Za-z0-9_-]{43})")
				.matcher(output.getOut());
			assertThat(link.find()).isTrue();
			HttpResponse<String> setup = send(first, "GET", link.group(1), key, null);
			assertThat(setup.statusCode()).isEqualTo(200);
			assertThat(setup.body()).contains("Set up the first admin");
			HttpResponse<String> created = send(first, "POST", "/api/v1/accounts", key, """
					{"instagram_account_id": "17841400000000001", "username": "restart.probe",
					 "access_token": "IGAAT-plaintext-canary-token", "crm_webhook_url": "https://crm.example.com/in",
					 "webhook_secret": "secret-plaintext-canary"}""");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			accountId = created.body().replaceAll(".*\"id\":\"(acc_[0-9a-z]+)\".*", "$1");
		}

		assertThat(filesContain(dataDir, "restart.probe")).as("the scan sees what is stored").isTrue();
		assertThat(filesContain(dataDir, "IGAAT-plaintext-canary-token")).isFalse();
		assertThat(filesContain(dataDir, "secret-plaintext-canary")).isFalse();

		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(generatedKeys(output.getOut())).as("no second key is generated").hasSize(1);
			HttpResponse<String> read = send(second, "GET", "/api/v1/accounts/" + accountId, key, null);
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read.body()).contains("restart.probe", "\"access_token_set\":true");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(InstagramAutomationApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--app.security.generated-key-file=" + dataDir.resolve("encryption.key"),
				"--app.security.encryption-key=", "--app.security.admin-api-key=", "--app.environment=development",
				"--app.default-account.instagram-account-id=", "--spring.main.banner-mode=off");
	}

	private HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path, String key,
			String body) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> generatedKeys(String output) {
		Matcher matcher = GENERATED_KEY.matcher(output);
		return matcher.results().map(java.util.regex.MatchResult::group).distinct().toList();
	}

	private static boolean filesContain(Path dir, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (indexOf(Files.readAllBytes(file), needle) >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
