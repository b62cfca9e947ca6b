package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A message the account sent through this service, as people see it.
 *
 * @param source {@code api} or {@code auto_reply}
 * @param ruleId the rule that sent it, for an auto-reply
 */
public record SentMessage(String id, String recipientId, String text, String source, String status,
		Integer errorCode, String errorMessage, String ruleId, Instant createdAt, Instant sentAt) {

	static SentMessage of(OutboundMessage message) {
		return new SentMessage(message.id(), message.recipientId(), message.text(), message.source(),
				message.status().value(), message.errorCode(), message.errorMessage(), message.ruleId(),
				message.createdAt(), message.sentAt());
	}

}
