package dev.igautomation.system;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of error the service answers comes as {@code application/problem+json} with a stable type and code,
 * the framework's own errors included.
 */
@IntegrationTest
class ErrorAnswersTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(client);
	}

	@Test
	void malformedJsonIs400SayingWhere() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, "{\"username\": ");

		assertProblem(answer, 400, "malformed_request");
		assertThat(answer.at("/detail")).contains("not valid JSON", "line 1");
	}

	@Test
	void wrongJsonTypeNamesTheField() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, "{\"username\": {\"nested\": true}}");

		assertProblem(answer, 400, "malformed_request");
		assertThat(answer.at("/detail")).contains("'username'");
	}

	@Test
	void invalidFieldsAre400ListingEach() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, Map.of("username", "ok"));

		assertProblem(answer, 400, "validation_failed");
		assertThat(answer.body().get("errors").isArray()).isTrue();
	}

	@Test
	void missingKeyIs401() {
		assertProblem(api.get("/api/v1/accounts", null), 401, "unauthorized");
	}

	@Test
	void unknownRoutesAre404() {
		assertProblem(api.get("/no/such/page", null), 404, "not_found");
		assertProblem(api.get("/api/v1/no-such-thing", ADMIN_KEY), 404, "not_found");
	}

	@Test
	void unknownAccountIs404() {
		assertProblem(api.get("/api/v1/accounts/acc_01aaaaaaaaaaaaaaaaaaaaaaaa", ADMIN_KEY), 404,
				"account_not_found");
	}

	@Test
	void wrongMethodIs405() {
		Answer answer = api.exchange(HttpMethod.PUT, "/api/v1/accounts", ADMIN_KEY, Map.of(), headers -> {
		});

		assertProblem(answer, 405, "method_not_allowed");
		assertThat(answer.headers().getAllow()).isNotEmpty();
	}

	@Test
	void conflictIs409() {
		String instagramId = Api.randomInstagramId();
		api.createAccount(ADMIN_KEY, Map.of("instagram_account_id", instagramId));

		assertProblem(api.post("/api/v1/accounts", ADMIN_KEY, Map.of("instagram_account_id", instagramId,
				"username", "dupe", "access_token", "IGAAT-x")), 409, "instagram_account_taken");
	}

	@Test
	void bodyOverOneMebibyteIs413() {
		String huge = "{\"username\": \"" + "x".repeat(1_100_000) + "\"}";

		assertProblem(api.post("/api/v1/accounts", ADMIN_KEY, huge), 413, "body_too_large");
	}

	@Test
	void chunkedBodyOverOneMebibyteIs413() throws Exception {
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/v1/accounts")
			.toURL()
			.openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setChunkedStreamingMode(8192);
		connection.setRequestProperty("Authorization", "Bearer " + ADMIN_KEY);
		connection.setRequestProperty("Content-Type", "application/json");
		try (OutputStream body = connection.getOutputStream()) {
			body.write(("{\"username\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			// the server may answer and close before the whole body is sent
		}

		assertThat(connection.getResponseCode()).isEqualTo(413);
		assertThat(connection.getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void wrongContentTypeIs415() {
		Answer answer = api.exchange(HttpMethod.POST, "/api/v1/accounts", ADMIN_KEY, null, headers -> {
			headers.set("Content-Type", "text/plain");
		});

		assertProblem(answer, 415, "unsupported_media_type");
	}

	@Test
	void badCursorIs400() {
		assertProblem(api.get("/api/v1/accounts?cursor=%%%", ADMIN_KEY), 400, null);
		assertProblem(api.get("/api/v1/accounts?cursor=bm90LWEtY3Vyc29y&limit=0", ADMIN_KEY), 400,
				"validation_failed");
	}

	static void assertProblem(Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.body().get("status").asInt()).isEqualTo(status);
		assertThat(answer.at("/title")).isNotBlank();
		assertThat(answer.at("/detail")).isNotBlank();
		assertThat(answer.at("/type")).startsWith("urn:igautomation:problem:");
		if (code != null) {
			assertThat(answer.at("/code")).isEqualTo(code);
			assertThat(answer.at("/type")).endsWith(":" + code);
		}
		assertThat(answer.text()).doesNotContain("Exception", "at dev.", "at org.");
	}

}
