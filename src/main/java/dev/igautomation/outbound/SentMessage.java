package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A message the account sent through this service, as people see it.
 *
 * @param source {@code api}, {@code auto_reply} or {@code console}
 * @param ruleId the rule that sent it, for an auto-reply
 * @param instagramMessageId Meta's id for it once sent (its echo's mid)
 * @param tag the message tag it was sent with ({@code HUMAN_AGENT}), if any
 */
public record SentMessage(String id, String recipientId, String text, String source, String status,
		Integer errorCode, String errorMessage, String ruleId, Instant createdAt, Instant sentAt,
		String instagramMessageId, String tag) {

	static SentMessage of(OutboundMessage message) {
		return new SentMessage(message.id(), message.recipientId(), message.text(), message.source(),
				message.status().value(), message.errorCode(), message.errorMessage(), message.ruleId(),
				message.createdAt(), message.sentAt(), message.instagramMessageId(),
				message.tag());
	}

}
