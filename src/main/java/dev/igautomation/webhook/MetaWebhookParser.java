package dev.igautomation.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.ReceivedEvent;
import org.springframework.stereotype.Component;

/**
 * Turns a webhook body into events, in the shapes Meta documents for the Instagram API: {@code entry[].messaging[]}
 * and {@code entry[].standby[]} (messages, echoes, unsends, edits, reactions, reads, postbacks, referrals) and
 * {@code entry[].changes[]} (comments, and the dashboard's test). Whatever it does not recognise becomes an
 * {@code unknown} event with its raw JSON, so nothing Meta sends is lost or refused; each event is read on its own,
 * so an odd one cannot spoil the others.
 */
@Component
class MetaWebhookParser {

	private final JsonMapper json;

	private final EventKeys keys;

	MetaWebhookParser(JsonMapper json) {
		this.json = json;
		this.keys = new EventKeys(json);
	}

	List<ReceivedEvent> parse(byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedPayload("The body is not valid JSON: " + ex.getOriginalMessage().split("\n")[0]);
		}
		if (root == null || root.isMissingNode()) {
			throw new MalformedPayload("The body is empty.");
		}
		List<ReceivedEvent> events = new ArrayList<>();
		JsonNode entries = root.path("entry");
		if (!entries.isArray() || entries.isEmpty()) {
			events.add(unknown("", root, null));
			return events;
		}
		for (JsonNode entry : entries) {
			if (!entry.isObject()) {
				events.add(unknown("", entry, null));
				continue;
			}
			String accountId = Objects.requireNonNullElse(text(entry, "id"), "");
			Instant entryTime = MetaTime.read(entry.get("time"));
			int before = events.size();
			each(entry, "messaging", event -> events.add(messaging(accountId, event, entryTime, false)),
					events, accountId);
			each(entry, "standby", event -> events.add(messaging(accountId, event, entryTime, true)), events,
					accountId);
			each(entry, "changes", change -> events.add(change(accountId, change, entryTime)), events, accountId);
			if (events.size() == before) {
				events.add(unknown(accountId, entry, entryTime));
			}
		}
		return events;
	}

	/** Reads each element of an array field; a field that is not an array is kept whole as an unknown event. */
	private void each(JsonNode entry, String field, java.util.function.Consumer<JsonNode> read,
			List<ReceivedEvent> events, String accountId) {
		JsonNode items = entry.get(field);
		if (items == null || items.isNull()) {
			return;
		}
		if (!items.isArray()) {
			events.add(unknown(accountId, items, null));
			return;
		}
		for (JsonNode item : items) {
			read.accept(item.isObject() ? item : json.createObjectNode().set("value", item));
		}
	}

	private ReceivedEvent messaging(String accountId, JsonNode event, Instant entryTime, boolean standby) {
		Draft draft = new Draft(accountId, event, entryTime, standby);
		JsonNode message = event.path("message");
		if (message.isObject()) {
			String mid = text(message, "mid");
			if (message.path("is_deleted").asBoolean(false)) {
				return draft.build(EventKind.MESSAGE_DELETED, keys.of("deleted", mid, accountId, event), null, null,
						null, details("mid", mid));
			}
			EventKind kind = message.path("is_echo").asBoolean(false) ? EventKind.ECHO : EventKind.MESSAGE;
			return draft.build(kind, keys.of("message", mid, accountId, event), mid, text(message, "text"),
					message.get("attachments"), messageDetails(message));
		}
		JsonNode edit = event.path("message_edit");
		if (edit.isObject()) {
			String mid = text(edit, "mid");
			String id = mid == null ? null : mid + ":" + edit.path("num_edit").asString("");
			return draft.build(EventKind.MESSAGE_EDITED, keys.of("edit", id, accountId, event), null,
					text(edit, "text"), null, edit);
		}
		JsonNode reaction = event.path("reaction");
		if (reaction.isObject()) {
			return draft.build(EventKind.REACTION, keys.content("reaction", accountId, event), null, null, null,
					reaction);
		}
		JsonNode read = event.path("read");
		if (read.isObject()) {
			return draft.build(EventKind.READ, keys.content("read", accountId, event), null, null, null, read);
		}
		JsonNode postback = event.path("postback");
		if (postback.isObject()) {
			String mid = text(postback, "mid");
			return draft.build(EventKind.POSTBACK, keys.of("postback", mid, accountId, event), mid,
					text(postback, "title"), null, postback);
		}
		JsonNode referral = event.path("referral");
		if (referral.isObject()) {
			return draft.build(EventKind.REFERRAL, keys.content("referral", accountId, event), null, null, null,
					referral);
		}
		return unknown(accountId, event, entryTime);
	}

	private ReceivedEvent change(String accountId, JsonNode change, Instant entryTime) {
		String field = text(change, "field");
		JsonNode value = change.path("value");
		if ("0".equals(accountId)) {
			return new ReceivedEvent(accountId, EventKind.TEST, Direction.INBOUND,
					keys.content("test", accountId, change), text(value.path("sender"), "id"),
					text(value.path("recipient"), "id"), null, null, text(value.path("message"), "text"), null, null,
					entryTime, null, false, write(change));
		}
		if (("comments".equals(field) || "live_comments".equals(field)) && value.isObject()) {
			String commentId = text(value, "id");
			String from = text(value.path("from"), "id");
			Direction direction = accountId.equals(from) ? Direction.OUTBOUND : Direction.INBOUND;
			ObjectNode details = json.createObjectNode();
			details.put("comment_id", commentId);
			details.put("field", field);
			copy(value, details, "from", "media", "parent_id");
			JsonNode own = value.get("timestamp");
			return new ReceivedEvent(accountId, EventKind.COMMENT, direction,
					keys.of("comment", commentId, accountId, change), from, accountId, from, null, text(value, "text"),
					null, write(details), own == null ? entryTime : MetaTime.read(own), MetaTime.original(own), false,
					write(change));
		}
		if ("messages".equals(field) && value.isObject()) {
			return messaging(accountId, value, entryTime, false);
		}
		return unknown(accountId, change, entryTime);
	}

	private ReceivedEvent unknown(String accountId, JsonNode event, Instant time) {
		return new ReceivedEvent(accountId, EventKind.UNKNOWN, Direction.INBOUND,
				keys.content("unknown", accountId, event), null, null, null, null, null, null, null, time, null, false,
				write(event));
	}

	private ObjectNode messageDetails(JsonNode message) {
		ObjectNode details = json.createObjectNode();
		copy(message, details, "quick_reply", "reply_to", "referral", "is_unsupported");
		return details;
	}

	private ObjectNode details(String name, String value) {
		ObjectNode details = json.createObjectNode();
		details.put(name, value);
		return details;
	}

	private static void copy(JsonNode from, ObjectNode to, String... fields) {
		for (String field : fields) {
			if (from.has(field)) {
				to.set(field, from.get(field));
			}
		}
	}

	private String write(JsonNode node) {
		return node == null || node.isMissingNode() || node.isNull() || (node.isObject() && node.isEmpty()) ? null
				: json.writeValueAsString(node);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

	/** The parts every messaging event shares. */
	private final class Draft {

		private final String accountId;

		private final JsonNode event;

		private final Instant timestamp;

		private final String originalTimestamp;

		private final boolean standby;

		private final String senderId;

		private final String recipientId;

		Draft(String accountId, JsonNode event, Instant entryTime, boolean standby) {
			JsonNode own = event.get("timestamp");
			this.accountId = accountId;
			this.event = event;
			this.timestamp = own == null ? entryTime : MetaTime.read(own);
			this.originalTimestamp = MetaTime.original(own);
			this.standby = standby;
			this.senderId = text(event.path("sender"), "id");
			this.recipientId = text(event.path("recipient"), "id");
		}

		ReceivedEvent build(EventKind kind, String dedupeKey, String mid, String text, JsonNode attachments,
				JsonNode details) {
			boolean fromBusiness = kind == EventKind.ECHO || accountId.equals(senderId);
			Direction direction = fromBusiness ? Direction.OUTBOUND : Direction.INBOUND;
			String userId = fromBusiness ? recipientId : senderId;
			return new ReceivedEvent(accountId, kind, direction, dedupeKey, senderId, recipientId, userId, mid, text,
					write(attachments), write(details), timestamp, originalTimestamp, standby, write(event));
		}

	}

}
