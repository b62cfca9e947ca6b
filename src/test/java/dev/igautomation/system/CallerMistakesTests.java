package dev.igautomation.system;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.support.IntegrationTest;
import dev.igautomation.support.RequestLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller's mistake gets a clear problem answer and leaves the log quiet: no stack trace, and at most one line per
 * request, so that nobody can flood the log or trip alerts from outside.
 */
@IntegrationTest
class CallerMistakesTests {

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
	void frameworkErrorsLogNoStackTrace() {
		try (RequestLog log = RequestLog.start()) {
			ErrorAnswersTests.assertProblem(api.get("/favicon.ico", null), 404, "not_found");
			ErrorAnswersTests.assertProblem(api.get("/api/v1/no-such-thing", ADMIN_KEY), 404, "not_found");
			ErrorAnswersTests.assertProblem(api.exchange(HttpMethod.PUT, "/api/v1/accounts", ADMIN_KEY, Map.of(),
					headers -> {
					}), 405, "method_not_allowed");
			ErrorAnswersTests.assertProblem(api.exchange(HttpMethod.POST, "/api/v1/accounts", ADMIN_KEY, "x",
					headers -> headers.set("Content-Type", "text/plain")), 415, "unsupported_media_type");
			ErrorAnswersTests.assertProblem(api.post("/api/v1/accounts", ADMIN_KEY, "{\"username\": "), 400,
					"malformed_request");
			ErrorAnswersTests.assertProblem(api.get("/api/v1/accounts?limit=zero", ADMIN_KEY), 400,
					"invalid_parameter");

			assertThat(log.stackTraces()).isEmpty();
			assertThat(log.lines()).hasSizeLessThanOrEqualTo(6);
		}
	}

	@Test
	void malformedQueryStringIs400OnEveryRoute() throws IOException {
		List<String[]> routes = new ArrayList<>(List.of(new String[] { "GET", "/health" },
				new String[] { "GET", "/actuator/health" }, new String[] { "GET", "/actuator/prometheus" },
				new String[] { "GET", "/" }, new String[] { "GET", "/docs" }, new String[] { "GET", "/v3/api-docs" },
				new String[] { "GET", "/no/such/page" }));
		JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
		for (var path : paths.properties()) {
			for (var operation : path.getValue().properties()) {
				routes.add(new String[] { operation.getKey().toUpperCase(),
						path.getKey().replaceAll("\\{[^}]+}", "x1") });
			}
		}
		assertThat(routes).anySatisfy(route -> assertThat(route[1]).isEqualTo("/webhooks/instagram"));

		try (RequestLog log = RequestLog.start()) {
			for (String[] route : routes) {
				for (String query : List.of("=x", "a=%zz", "a=%ff%fe", "hub.mode=%")) {
					Raw answer = raw(route[0], route[1] + "?" + query);
					String request = route[0] + " " + route[1] + "?" + query;
					assertThat(answer.status()).as(request).isEqualTo(400);
					assertThat(answer.contentType()).as(request).isEqualTo("application/problem+json");
					if (!"HEAD".equals(route[0])) {
						assertThat(answer.body()).as(request).contains("\"code\":\"malformed_query\"");
					}
				}
			}
			assertThat(log.stackTraces()).isEmpty();
			assertThat(log.lines()).isEmpty();
		}
	}

	@Test
	void anEmptyLimitIsRefusedRatherThanTakenForTheDefault() {
		Answer answer = api.get("/api/v1/accounts?limit=", ADMIN_KEY);

		ErrorAnswersTests.assertProblem(answer, 400, "invalid_parameter");
		assertThat(answer.at("/detail")).contains("limit");
	}

	@Test
	void aWellFormedQueryStillWorks() throws IOException {
		assertThat(raw("GET", "/health?verbose=%20yes&&x=").status()).isEqualTo(200);
		Answer handshake = api.get("/webhooks/instagram?hub.mode=subscribe&hub.verify_token=test-verify-token"
				+ "&hub.challenge=42", null);
		assertThat(handshake.text()).isEqualTo("42");
	}

	@Test
	void theRootLeadsAPersonToTheConsole() throws IOException {
		Raw root = raw("GET", "/");

		assertThat(root.status()).isEqualTo(302);
		assertThat(root.location()).endsWith("/login");
	}

	record Raw(int status, String contentType, String location, String body) {
	}

	/**
	 * A request sent as written, over a socket: HTTP clients that build a URI refuse, or re-encode, a malformed query
	 * (and the JDK's HttpURLConnection cannot send PATCH).
	 */
	private Raw raw(String method, String pathAndQuery) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			String body = "GET".equals(method) || "DELETE".equals(method) ? "" : "{}";
			String request = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ ADMIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
					+ "\r\nConnection: close\r\n\r\n" + body;
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
			return new Raw(Integer.parseInt(head.substring(9, 12)), header(head, "Content-Type"),
					header(head, "Location"), answer.substring(head.length() + 4));
		}
	}

	private static String header(String head, String name) {
		return head.lines()
			.filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map(line -> line.substring(name.length() + 1).trim())
			.findFirst()
			.orElse(null);
	}

}
