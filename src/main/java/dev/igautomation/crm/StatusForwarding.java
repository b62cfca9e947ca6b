package dev.igautomation.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.outbound.MessageStatusChanged;
import dev.igautomation.outbound.MessageStatusesChanged;
import org.springframework.stereotype.Component;

/**
 * Tells the account's CRM when a message it (or an auto-reply) sent is sent, fails, or is read: a signed
 * {@code message.status} delivery, through the same deliveries as every other event.
 */
@Component
class StatusForwarding {

	private final AccountCredentials credentials;

	private final CrmDeliveries deliveries;

	StatusForwarding(AccountCredentials credentials, CrmDeliveries deliveries) {
		this.credentials = credentials;
		this.deliveries = deliveries;
	}

	void forward(MessageStatusesChanged changes) {
		List<NewDelivery> deliveries = new ArrayList<>();
		for (MessageStatusChanged change : changes.changes()) {
			if (credentials.crmEndpoint(change.accountId()).isPresent()) {
				deliveries.add(delivery(change));
			}
		}
		this.deliveries.deliver(deliveries);
	}

	private NewDelivery delivery(MessageStatusChanged change) {
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
		return new NewDelivery(change.accountId(), "message.status",
				"status:" + change.messageId() + ":" + change.status().value(), change.at(), payload);
	}

}
