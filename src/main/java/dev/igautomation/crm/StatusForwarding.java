package dev.igautomation.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.account.Accounts;
import dev.igautomation.outbound.MessageStatusChanged;
import org.springframework.stereotype.Component;

/**
 * Tells the account's CRM when a message it (or an auto-reply) sent is sent, fails, or is read: a signed
 * {@code message.status} delivery, through the same deliveries as every other event.
 */
@Component
class StatusForwarding {

	private final Accounts accounts;

	private final CrmDeliveries deliveries;

	StatusForwarding(Accounts accounts, CrmDeliveries deliveries) {
		this.accounts = accounts;
		this.deliveries = deliveries;
	}

	void forward(MessageStatusChanged change) {
		if (accounts.crmEndpoint(change.accountId()).isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", "message.status");
		payload.put("message_id", change.messageId());
		payload.put("account_id", change.accountId());
		payload.put("recipient_id", change.recipientId());
		payload.put("status", change.status().value());
		payload.put("instagram_message_id", change.instagramMessageId());
		payload.put("error_code", change.errorCode());
		payload.put("error_subcode", change.errorSubcode());
		payload.put("error_message", change.errorMessage());
		payload.put("source", change.source());
		payload.put("timestamp", change.at().toString());
		deliveries.deliver(List.of(new NewDelivery(change.accountId(), "message.status",
				"status:" + change.messageId() + ":" + change.status().value(), change.at(), payload)));
	}

}
