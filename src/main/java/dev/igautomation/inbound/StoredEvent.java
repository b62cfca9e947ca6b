package dev.igautomation.inbound;

import java.time.Instant;

/**
 * An event as stored: what {@link ReceivedEvent} said, with its id and when it arrived.
 *
 * @param timestamp the event's own time; the time it arrived instead when Meta's could not be used
 * ({@code timestampAdjusted})
 * @param problem why an {@link EventKind#INVALID invalid} event could not be stored as what it is
 * @param source how it reached the service
 */
public record StoredEvent(String id, String instagramAccountId, EventKind kind, Direction direction,
		String senderId, String recipientId, String userId, String mid, String text, String attachments,
		String details, Instant timestamp, Instant receivedAt, boolean standby, String raw, boolean timestampAdjusted,
		String problem, EventSource source) {
}
