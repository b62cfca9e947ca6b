package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A message sent through this service (by the send API, an auto-reply, an AI reply...) changed status: sent, failed,
 * or read. Published in the transaction that changed it; listeners (the CRM's {@code message.status}) run after it,
 * each on its own.
 *
 * @param source who sent it: {@code api}, {@code auto_reply}, ...
 * @param ruleId the rule that sent it, for auto-replies
 * @param at when the change happened (for a read, when the user read it)
 */
public record MessageStatusChanged(String messageId, String accountId, String recipientId, MessageStatus status,
		String instagramMessageId, Integer errorCode, Integer errorSubcode, String errorMessage, String source,
		String ruleId, Instant at) {
}
