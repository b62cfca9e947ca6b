package dev.igautomation.crm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import dev.igautomation.account.CrmEndpoint;
import dev.igautomation.system.HmacSha256;
import dev.igautomation.system.HttpClientFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * POSTs one delivery to a CRM, signed two ways: {@code X-Hub-Signature-256} (hex HMAC-SHA256 of the body, as Meta
 * signs its own webhooks) and the Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}) through the published Standard Webhooks library, so a CRM can verify with either.
 * The HMAC key is the UTF-8 bytes of the account's {@code webhook_secret}.
 */
@Component
class CrmSender {

	private static final int ERROR_BODY_CHARS = 300;

	private static final Duration OPEN_FOR = Duration.ofSeconds(30);

	private final RestClient http;

	private final Clock clock;

	private final Duration readTimeout;

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
		.slidingWindowSize(5)
		.minimumNumberOfCalls(5)
		.failureRateThreshold(100)
		.waitDurationInOpenState(OPEN_FOR)
		.permittedNumberOfCallsInHalfOpenState(1)
		.build());

	CrmSender(RestClient.Builder builder, CrmProperties properties, Clock clock) {
		this.http = builder
			.requestFactory(HttpClientFactory.pooled(properties.connectTimeout(), properties.readTimeout()))
			.build();
		this.clock = clock;
		this.readTimeout = properties.readTimeout();
	}

	/** How an attempt went: a status code (or none, when no answer came), and what went wrong. */
	record Outcome(Integer statusCode, String error, Instant retryAfter) {

		boolean delivered() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}

	}

	/**
	 * Sends, unless the account's CRM gave no answer to its last calls (timeouts, refused connections): then the
	 * attempt fails at once, without waiting out another timeout, until a trial call after {@link #OPEN_FOR} goes
	 * through (a Resilience4j circuit breaker per account). A slow CRM thus cannot tie up the job threads. Any HTTP
	 * answer, even an error, counts as the CRM being there.
	 */
	Outcome sendGuarded(String accountId, CrmEndpoint endpoint, Delivery delivery) {
		CircuitBreaker breaker = breakers.circuitBreaker(accountId);
		if (!breaker.tryAcquirePermission()) {
			return new Outcome(null, "Not called: the CRM gave no answer to its recent calls (circuit open for %d s)"
				.formatted(OPEN_FOR.toSeconds()), null);
		}
		long started = System.nanoTime();
		Outcome outcome = send(endpoint, delivery);
		long took = System.nanoTime() - started;
		if (outcome.statusCode() != null) {
			breaker.onSuccess(took, TimeUnit.NANOSECONDS);
		}
		else {
			breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(outcome.error()));
		}
		return outcome;
	}

	Outcome send(CrmEndpoint endpoint, Delivery delivery) {
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		byte[] key = endpoint.webhookSecret().getBytes(StandardCharsets.UTF_8);
		Instant now = clock.instant();
		String standardSignature = standardSignature(key, delivery.id(), now.getEpochSecond(), delivery.payload());
		try {
			return http.post()
				.uri(endpoint.url())
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(HmacSha256.sign(key, body)))
				.header("webhook-id", delivery.id())
				.header("webhook-timestamp", String.valueOf(now.getEpochSecond()))
				.header("webhook-signature", standardSignature)
				.header("User-Agent", "instagram-automation")
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status >= 200 && status < 300) {
						return new Outcome(status, null, null);
					}
					return new Outcome(status, "HTTP " + status + answer(response.getBody()),
							retryAfter(response.getHeaders().getFirst("Retry-After"), clock.instant()));
				}, true);
		}
		catch (RestClientException ex) {
			return new Outcome(null, describe(ex), null);
		}
	}

	private static String standardSignature(byte[] key, String id, long timestamp, String payload) {
		try {
			return new Webhook(key).sign(id, timestamp, payload);
		}
		catch (WebhookSigningException | EmptyWebhookSecretException ex) {
			throw new IllegalStateException("Could not sign a delivery", ex);
		}
	}

	private static String answer(InputStream body) {
		try (body) {
			String text = new String(body.readNBytes(ERROR_BODY_CHARS * 4), StandardCharsets.UTF_8).strip();
			if (text.isEmpty()) {
				return "";
			}
			return ": " + (text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
	static Instant retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.matches("\\d{1,10}")) {
			return now.plusSeconds(Long.parseLong(value));
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String describe(RestClientException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String name = cause.getClass().getSimpleName();
		if (name.contains("Timeout") || cause instanceof java.net.SocketTimeoutException) {
			return "No answer within " + readTimeout.toSeconds() + " s (timeout)";
		}
		if (cause instanceof java.net.ConnectException) {
			return "Could not connect: " + (cause.getMessage() == null ? "connection refused" : cause.getMessage());
		}
		return name + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

}
