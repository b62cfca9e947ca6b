package dev.igautomation.crm;

import java.time.Instant;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A retry was asked for a delivery that is still being attempted. */
class DeliveryAlreadyPending extends ProblemException {

	DeliveryAlreadyPending(String id, Instant nextAttemptAt) {
		super(HttpStatus.CONFLICT, "delivery_pending", "Delivery still pending",
				"Delivery '%s' is still pending%s; only failed or delivered deliveries can be retried."
					.formatted(id, nextAttemptAt == null ? "" : " (next attempt at " + nextAttemptAt + ")"));
	}

}
