package dev.igautomation.inbound;

import java.time.Instant;

/** One row of {@code inbound_event}, as written. */
record EventRow(String id, String instagramAccountId, String dedupeKey, EventKind kind, Direction direction,
		String senderId, String recipientId, String userId, String mid, String text, String attachments,
		String details, Instant eventTime, Instant receivedAt, boolean standby, String raw, boolean timestampAdjusted,
		String problem, EventSource source) {
}
