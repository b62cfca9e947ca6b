package dev.igautomation.crm;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.CrmEndpoint;
import dev.igautomation.system.Ids;
import org.springframework.stereotype.Service;

/**
 * "Send a test event to the CRM": one {@code ping} event, signed and sent exactly as deliveries are, at once and
 * only once (no retries, nothing stored), so an operator sees whether the CRM answers and checks the signatures.
 */
@Service
public class CrmPing {

	private final AccountCredentials credentials;

	private final CrmSender sender;

	private final JsonMapper json;

	private final Clock clock;

	CrmPing(AccountCredentials credentials, CrmSender sender, JsonMapper json, Clock clock) {
		this.credentials = credentials;
		this.sender = sender;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * How the CRM answered.
	 *
	 * @param statusCode its HTTP status; null when no answer came
	 * @param error what went wrong; null on a 2xx
	 * @param took from sending to the answer
	 */
	public record Result(String deliveryId, Integer statusCode, String error, Duration took) {

		public boolean delivered() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}

	}

	/** Pings the account's CRM; empty when the account forwards to no CRM. */
	public Optional<Result> ping(String accountId) {
		Optional<CrmEndpoint> endpoint = credentials.crmEndpoint(accountId);
		if (endpoint.isEmpty()) {
			return Optional.empty();
		}
		String id = Ids.next("dlv");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", "ping");
		payload.put("account_id", accountId);
		payload.put("timestamp", clock.instant().toEpochMilli());
		Delivery ping = new Delivery(id, accountId, "ping", "ping:" + id, json.writeValueAsString(payload),
				DeliveryStatus.PENDING, 0, 0, 0, null, null, null, clock.instant(), clock.instant(), null);
		long started = System.nanoTime();
		CrmSender.Outcome outcome = sender.send(endpoint.get(), ping);
		return Optional.of(new Result(id, outcome.statusCode(), outcome.error(),
				Duration.ofNanos(System.nanoTime() - started)));
	}

}
