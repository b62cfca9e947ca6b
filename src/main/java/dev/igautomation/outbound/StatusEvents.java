package dev.igautomation.outbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.igautomation.account.Accounts;
import dev.igautomation.crm.CrmDeliveries;
import org.springframework.stereotype.Component;

/**
 * Tells the account's CRM when a message it (or an auto-reply) sent is sent, fails, or is read: a signed
 * {@code message.status} delivery through the same machinery as every other event. Joins the caller's transaction,
 * so a status change and its delivery commit together.
 */
@Component
class StatusEvents {

	private final CrmDeliveries deliveries;

	private final Accounts accounts;

	StatusEvents(CrmDeliveries deliveries, Accounts accounts) {
		this.deliveries = deliveries;
		this.accounts = accounts;
	}

	void changed(OutboundMessage message, MessageStatus status, String instagramMessageId,
			OutboundRepository.Failure failure, Instant at) {
		if (accounts.crmEndpoint(message.accountId()).isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", "message.status");
		payload.put("message_id", message.id());
		payload.put("account_id", message.accountId());
		payload.put("recipient_id", message.recipientId());
		payload.put("status", status.value());
		payload.put("instagram_message_id", instagramMessageId);
		payload.put("error_code", failure == null ? null : failure.code());
		payload.put("error_subcode", failure == null ? null : failure.subcode());
		payload.put("error_message", failure == null ? null : failure.message());
		payload.put("source", message.source());
		payload.put("timestamp", at.toString());
		deliveries.enqueue(message.accountId(), "message.status", "status:" + message.id() + ":" + status.value(),
				payload);
	}

}
