package dev.igautomation.crm;

import java.time.Instant;

/**
 * A delivery as people see it: the event sent, how its attempts went, and the exact payload.
 *
 * @param id also the {@code webhook-id} the CRM receives
 * @param lastStatusCode the HTTP status of the CRM's last answer; null when none came
 * @param nextAttemptAt when the next attempt is due, while pending
 */
public record DeliveryDetails(String id, String accountId, String eventType, String status, int attempts,
		Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
		Instant deliveredAt, String payload) {

	static DeliveryDetails of(Delivery delivery) {
		return new DeliveryDetails(delivery.id(), delivery.accountId(), delivery.eventType(), delivery.status().value(),
				delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(), delivery.nextAttemptAt(),
				delivery.createdAt(), delivery.updatedAt(), delivery.deliveredAt(), delivery.payload());
	}

}
