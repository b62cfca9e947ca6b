package dev.igautomation.support;

import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Calls the running service over HTTP as a client would, and reads the answers as JSON trees.
 */
public final class Api {

	public static final String ADMIN_KEY = "test-admin-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient client;

	public Api(RestTestClient client) {
		this.client = client;
	}

	/** An answer: its status, headers and body (null when empty or not JSON). */
	public record Answer(int status, HttpHeaders headers, JsonNode body, String text) {

		public String contentType() {
			return headers.getContentType() == null ? null : headers.getContentType().toString();
		}

		public String at(String pointer) {
			return body.at(pointer).asString(null);
		}

	}

	public Answer get(String path, String key) {
		return exchange(HttpMethod.GET, path, key, null, headers -> {
		});
	}

	public Answer delete(String path, String key) {
		return exchange(HttpMethod.DELETE, path, key, null, headers -> {
		});
	}

	public Answer post(String path, String key, Object body) {
		return exchange(HttpMethod.POST, path, key, body, headers -> {
		});
	}

	public Answer put(String path, String key, Object body) {
		return exchange(HttpMethod.PUT, path, key, body, headers -> {
		});
	}

	public Answer patch(String path, String key, Object body) {
		return exchange(HttpMethod.PATCH, path, key, body, headers -> {
		});
	}

	public Answer exchange(HttpMethod method, String path, String key, Object body, Consumer<HttpHeaders> headers) {
		RestTestClient.RequestBodySpec request = client.method(method).uri(path).headers(all -> {
			if (key != null) {
				all.setBearerAuth(key);
			}
			all.setContentType(MediaType.APPLICATION_JSON);
			headers.accept(all);
		});
		if (body != null) {
			request.body(body instanceof String text ? text : JSON.writeValueAsString(body));
		}
		EntityExchangeResult<byte[]> result = request.exchange().expectBody(byte[].class).returnResult();
		byte[] bytes = result.getResponseBody();
		String text = bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		JsonNode json = null;
		if (!text.isEmpty() && (text.startsWith("{") || text.startsWith("["))) {
			json = JSON.readTree(text);
		}
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), json, text);
	}

	/** Adds an account with a random Instagram account id, answering its id. */
	public String createAccount(String key, Map<String, Object> overrides) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("instagram_account_id", randomInstagramId(),
				"username", "shop_" + System.nanoTime() % 100000, "access_token", "IGAAT-token-" + System.nanoTime(),
				"crm_webhook_url", "https://crm.example.com/hooks", "webhook_secret", "crm-secret-0123456789"));
		body.putAll(overrides);
		Answer answer = post("/api/v1/accounts", key, body);
		if (answer.status() != 201) {
			throw new AssertionError("Could not create an account: " + answer.status() + " " + answer.text());
		}
		return answer.at("/id");
	}

	public static String randomInstagramId() {
		return "1784" + (long) (Math.random() * 1_000_000_000_000L);
	}

	public static JsonMapper json() {
		return JSON;
	}

}
