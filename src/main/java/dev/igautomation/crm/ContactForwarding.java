package dev.igautomation.crm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.optout.ContactOptedIn;
import dev.igautomation.optout.ContactOptedOut;
import org.springframework.stereotype.Component;

/**
 * Tells the account's CRM when a user opts out of automated messages ({@code contact.opted_out}) or back in
 * ({@code contact.opted_in}): one delivery per change, keyed by the message that made it.
 */
@Component
class ContactForwarding {

	private final AccountCredentials credentials;

	private final CrmDeliveries deliveries;

	ContactForwarding(AccountCredentials credentials, CrmDeliveries deliveries) {
		this.credentials = credentials;
		this.deliveries = deliveries;
	}

	void optedOut(ContactOptedOut event) {
		forward("contact.opted_out", event.accountId(), event.userId(), event.at(), event.causedBy());
	}

	void optedIn(ContactOptedIn event) {
		forward("contact.opted_in", event.accountId(), event.userId(), event.at(), event.causedBy());
	}

	private void forward(String type, String accountId, String userId, Instant at, String causedBy) {
		if (credentials.crmEndpoint(accountId).isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", type);
		payload.put("account_id", accountId);
		payload.put("user_id", userId);
		payload.put("opted_out", type.equals("contact.opted_out"));
		payload.put("timestamp", at.toString());
		deliveries.deliver(List.of(new NewDelivery(accountId, type, type + ":" + causedBy, at, payload)));
	}

}
