package dev.igautomation.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser, over real HTTP: it keeps cookies, reads the CSRF token from the last page
 * and posts forms with it. For what MockMvc cannot show: the session cookie, its storage in the database, the
 * container's own handling of forwarded headers.
 */
final class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private String csrf;

	private String address;

	FormClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Makes every request come from this address, as a proxy in front of the service would say. */
	FormClient from(String forwardedFor) {
		this.address = forwardedFor;
		return this;
	}

	/** A random address of TEST-NET-3, so that one test's failed logins never lock another test's address. */
	static String someAddress() {
		return "203.0.113." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255) + "";
	}

	HttpResponse<String> get(String path) {
		return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		String body = all.entrySet().stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return remember(send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	/** Logs in through the form, as a person does. */
	HttpResponse<String> logIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("username", email, "password", password));
	}

	/** Opens a stream (Server-Sent Events), answering as soon as its headers arrive; its body is read line by line. */
	HttpResponse<java.util.stream.Stream<String>> stream(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		if (address != null) {
			request.header("X-Forwarded-For", address);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
