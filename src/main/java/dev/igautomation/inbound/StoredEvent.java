package dev.igautomation.inbound;

import java.time.Instant;

/**
 * An event as stored: what {@link ReceivedEvent} said, with its id and when it arrived.
 */
public record StoredEvent(String id, String instagramAccountId, EventKind kind, Direction direction,
		String senderId, String recipientId, String userId, String mid, String text, String attachments,
		String details, Instant timestamp, Instant receivedAt, boolean standby, String raw) {
}
