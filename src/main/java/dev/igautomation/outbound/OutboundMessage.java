package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A stored message to send or sent. {@code body} is the Send API request, as JSON, that every attempt sends.
 */
record OutboundMessage(String id, String accountId, String idempotencyKey, String requestHash, String recipientId,
		String commentId, String body, String text, String tag, String source, MessageStatus status, int attempts,
		String instagramMessageId, Integer errorCode, Integer errorSubcode, String errorMessage, String fbtraceId,
		Instant nextAttemptAt, Instant attemptStartedAt, Instant inFlightUntil, Instant createdAt,
		Instant updatedAt, Instant sentAt, Instant readAt, String ruleId) {

	boolean inFlight(Instant now) {
		return inFlightUntil != null && inFlightUntil.isAfter(now);
	}

}
