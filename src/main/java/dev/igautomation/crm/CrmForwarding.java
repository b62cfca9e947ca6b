package dev.igautomation.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.EventSource;
import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.inbound.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * Forwards each event of an account with a CRM endpoint, in the CRM contract's shape: {@code event},
 * {@code message_id} (Instagram's mid), {@code account_id}, {@code sender_id}, {@code recipient_id}, {@code message},
 * {@code attachments}, {@code timestamp}, and the fields of its kind.
 */
@Component
class CrmForwarding {

	private final InboundEvents inbound;

	private final CrmDeliveries deliveries;

	private final JsonMapper json;

	CrmForwarding(InboundEvents inbound, CrmDeliveries deliveries, JsonMapper json) {
		this.inbound = inbound;
		this.deliveries = deliveries;
		this.json = json;
	}

	void forward(InstagramEventsReceived stored) {
		List<NewDelivery> forwarded = new ArrayList<>();
		for (InstagramEventReceived received : inbound.received(stored)) {
			StoredEvent event = received.event();
			AccountSummary account = received.account();
			String eventType = event.kind().crmEventType();
			boolean wanted = event.source() != EventSource.IMPORT || account.forwardsImported();
			if (eventType != null && account.forwardsToCrm() && wanted) {
				forwarded.add(new NewDelivery(account.id(), eventType, "event:" + event.id(), event.receivedAt(),
						payload(eventType, event, account)));
			}
		}
		deliveries.deliver(forwarded);
	}

	Map<String, Object> payload(String eventType, StoredEvent event, AccountSummary account) {
		JsonNode details = event.details() == null ? json.createObjectNode() : json.readTree(event.details());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", eventType);
		payload.put("message_id", messageIdOf(event, details));
		payload.put("account_id", account.id());
		payload.put("instagram_account_id", account.instagramAccountId());
		payload.put("sender_id", event.senderId());
		payload.put("recipient_id", event.recipientId());
		payload.put("message", event.text());
		payload.put("attachments", event.attachments() == null ? json.createArrayNode()
				: json.readTree(event.attachments()));
		payload.put("timestamp", event.timestamp().toString());
		if (event.timestampAdjusted()) {
			payload.put("timestamp_adjusted", true);
			payload.put("original_timestamp", details.path("original_timestamp").asString(null));
		}
		switch (event.kind()) {
			case MESSAGE, ECHO -> {
				payload.put("reply_to", details.has("reply_to") ? details.get("reply_to") : null);
				copy(details, payload, "quick_reply", "referral");
				payload.put("is_unsupported", details.path("is_unsupported").asBoolean(false));
			}
			case REACTION -> copy(details, payload, "action", "reaction", "emoji");
			case MESSAGE_EDITED -> copy(details, payload, "num_edit");
			case POSTBACK -> {
				payload.put("title", event.text());
				copy(details, payload, "payload", "referral");
			}
			case REFERRAL -> payload.put("referral", details);
			case COMMENT -> {
				payload.put("comment_id", details.path("comment_id").asString(null));
				payload.put("sender_username", details.path("from").path("username").asString(null));
				copy(details, payload, "media", "parent_id");
				payload.put("live", "live_comments".equals(details.path("field").asString(null)));
			}
			default -> {
			}
		}
		payload.put("standby", event.standby());
		payload.put("source", event.source().value());
		return payload;
	}

	/** The mid of the message the event is, or is about (the reacted, read, unsent or edited one). */
	private static String messageIdOf(StoredEvent event, JsonNode details) {
		if (event.mid() != null) {
			return event.mid();
		}
		return event.kind() == EventKind.COMMENT ? null : details.path("mid").asString(null);
	}

	private static void copy(JsonNode from, Map<String, Object> to, String... fields) {
		for (String field : fields) {
			if (from.has(field)) {
				to.put(field, from.get(field));
			}
		}
	}

}
