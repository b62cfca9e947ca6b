package dev.igautomation.crm;

import java.time.Instant;

/**
 * A stored delivery: one event for one account's CRM, and how its attempts went.
 *
 * @param replays how often it was retried by hand; its job's id carries it, so an outdated job does nothing
 * @param schedulePosition failed attempts since it was queued or last retried by hand
 */
record Delivery(String id, String accountId, String eventType, String sourceKey, String payload,
		DeliveryStatus status, int attempts, int schedulePosition, int replays, Integer lastStatusCode,
		String lastError, Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Instant deliveredAt) {

	String jobId() {
		return id + ":" + replays;
	}

	static String deliveryIdOf(String jobId) {
		int colon = jobId.lastIndexOf(':');
		return colon < 0 ? jobId : jobId.substring(0, colon);
	}

	static int replaysOf(String jobId) {
		int colon = jobId.lastIndexOf(':');
		return colon < 0 ? 0 : Integer.parseInt(jobId.substring(colon + 1));
	}

}
