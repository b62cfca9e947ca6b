package dev.igautomation.inbound;

import java.time.Instant;

/**
 * One event as parsed from a webhook body, ready to store.
 *
 * @param instagramAccountId the account the event is for ({@code entry.id})
 * @param kind what it is
 * @param direction from a user, or from the business account
 * @param dedupeKey what identifies it across redeliveries: its own id ({@code message:<mid>}), or a hash of its
 * content
 * @param senderId the sender's id
 * @param recipientId the recipient's id
 * @param userId the Instagram user of the conversation
 * @param mid the Instagram message id, for events that are a message
 * @param text the text, if any
 * @param attachments the attachments as JSON, if any
 * @param details other fields of the kind (reaction, reply_to, referral...) as JSON, if any
 * @param timestamp the event's own time (or its entry's, for events that carry none); null when it could not be read
 * @param originalTimestamp the event's own timestamp as it was sent, if it had one
 * @param standby whether it came while another app had control of the conversation
 * @param raw the event's JSON as received
 */
public record ReceivedEvent(String instagramAccountId, EventKind kind, Direction direction, String dedupeKey,
		String senderId, String recipientId, String userId, String mid, String text, String attachments,
		String details, Instant timestamp, String originalTimestamp, boolean standby, String raw) {
}
