package dev.igautomation.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * {@code unknown} event with its raw JSON, so nothing Meta sends is lost or refused.
 */
@Component
class MetaWebhookParser {

	private static final long SECONDS_UNTIL = 100_000_000_000L;

	private final JsonMapper json;

	private final Clock clock;

	MetaWebhookParser(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
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
			events.add(unknown("", root, clock.instant()));
			return events;
		}
		for (JsonNode entry : entries) {
			String accountId = Objects.requireNonNullElse(text(entry, "id"), "");
			Instant entryTime = instant(entry.path("time"), clock.instant());
			entry.path("messaging").forEach(event -> events.add(messaging(accountId, event, entryTime, false)));
			entry.path("standby").forEach(event -> events.add(messaging(accountId, event, entryTime, true)));
			entry.path("changes").forEach(change -> events.add(change(accountId, change, entryTime)));
			if (!entry.has("messaging") && !entry.has("standby") && !entry.has("changes")) {
				events.add(unknown(accountId, entry, entryTime));
			}
		}
		return events;
	}

	private ReceivedEvent messaging(String accountId, JsonNode event, Instant entryTime, boolean standby) {
		Draft draft = new Draft(accountId, event, instant(event.path("timestamp"), entryTime), standby);
		JsonNode message = event.path("message");
		if (message.isObject()) {
			String mid = text(message, "mid");
			if (message.path("is_deleted").asBoolean(false)) {
				return draft.build(EventKind.MESSAGE_DELETED, "deleted:" + mid, null, null, null,
						details("mid", mid));
			}
			if (message.path("is_echo").asBoolean(false)) {
				return draft.build(EventKind.ECHO, "message:" + mid, mid, text(message, "text"),
						message.get("attachments"), messageDetails(message));
			}
			return draft.build(EventKind.MESSAGE, "message:" + mid, mid, text(message, "text"),
					message.get("attachments"), messageDetails(message));
		}
		JsonNode edit = event.path("message_edit");
		if (edit.isObject()) {
			String mid = text(edit, "mid");
			return draft.build(EventKind.MESSAGE_EDITED, "edit:" + mid + ":" + edit.path("num_edit").asString(""),
					null, text(edit, "text"), null, edit);
		}
		JsonNode reaction = event.path("reaction");
		if (reaction.isObject()) {
			return draft.build(EventKind.REACTION, "reaction:%s:%s:%s:%s".formatted(text(reaction, "mid"),
					draft.senderId, text(reaction, "action"), draft.timestamp.toEpochMilli()), null, null, null,
					reaction);
		}
		JsonNode read = event.path("read");
		if (read.isObject()) {
			return draft.build(EventKind.READ, "read:%s:%s:%s".formatted(text(read, "mid"), draft.senderId,
					draft.timestamp.toEpochMilli()), null, null, null, read);
		}
		JsonNode postback = event.path("postback");
		if (postback.isObject()) {
			String mid = text(postback, "mid");
			String key = mid != null ? "postback:" + mid
					: "postback:%s:%s:%s".formatted(draft.senderId, draft.timestamp.toEpochMilli(),
							text(postback, "payload"));
			return draft.build(EventKind.POSTBACK, key, mid, text(postback, "title"), null, postback);
		}
		JsonNode referral = event.path("referral");
		if (referral.isObject()) {
			return draft.build(EventKind.REFERRAL,
					"referral:%s:%s".formatted(draft.senderId, draft.timestamp.toEpochMilli()), null, null, null,
					referral);
		}
		return unknown(accountId, event, draft.timestamp);
	}

	private ReceivedEvent change(String accountId, JsonNode change, Instant entryTime) {
		String field = text(change, "field");
		JsonNode value = change.path("value");
		if ("0".equals(accountId)) {
			return new ReceivedEvent(accountId, EventKind.TEST, Direction.INBOUND, "test:" + sha256(accountId, change),
					text(value.path("sender"), "id"), text(value.path("recipient"), "id"), null, null,
					text(value.path("message"), "text"), null, null, entryTime, false, write(change));
		}
		if (("comments".equals(field) || "live_comments".equals(field)) && value.isObject()) {
			String commentId = text(value, "id");
			String from = text(value.path("from"), "id");
			Direction direction = accountId != null && accountId.equals(from) ? Direction.OUTBOUND : Direction.INBOUND;
			ObjectNode details = json.createObjectNode();
			details.put("comment_id", commentId);
			details.put("field", field);
			copy(value, details, "from", "media", "parent_id");
			return new ReceivedEvent(accountId, EventKind.COMMENT, direction, boundedKey("comment:" + commentId), from, accountId,
					from, null, text(value, "text"), null, write(details), instant(value.path("timestamp"), entryTime),
					false, write(change));
		}
		if ("messages".equals(field) && value.isObject()) {
			return messaging(accountId, value, entryTime, false);
		}
		return unknown(accountId, change, entryTime);
	}

	private ReceivedEvent unknown(String accountId, JsonNode event, Instant time) {
		return new ReceivedEvent(accountId == null ? "" : accountId, EventKind.UNKNOWN, Direction.INBOUND,
				"unknown:" + sha256(accountId, event), null, null, null, null, null, null, null, time, false,
				write(event));
	}

	/** Keeps keys within their column: one made of an unusually long id becomes its hash. */
	private static String boundedKey(String key) {
		if (key.length() <= 512) {
			return key;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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

	private String sha256(String accountId, JsonNode node) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(String.valueOf(accountId).getBytes(StandardCharsets.UTF_8));
			digest.update(json.writeValueAsBytes(node));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

	/** Meta's timestamps are epoch milliseconds, but the dashboard's test sends seconds, as a string. */
	private static Instant instant(JsonNode value, Instant fallback) {
		long number;
		if (value.isNumber()) {
			number = value.asLong();
		}
		else if (value.isString() && value.asString().matches("\\d{1,19}")) {
			number = Long.parseLong(value.asString());
		}
		else {
			return fallback;
		}
		return number < SECONDS_UNTIL ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
	}

	/** The parts every messaging event shares. */
	private final class Draft {

		private final String accountId;

		private final JsonNode event;

		private final Instant timestamp;

		private final boolean standby;

		private final String senderId;

		private final String recipientId;

		Draft(String accountId, JsonNode event, Instant timestamp, boolean standby) {
			this.accountId = accountId;
			this.event = event;
			this.timestamp = timestamp;
			this.standby = standby;
			this.senderId = text(event.path("sender"), "id");
			this.recipientId = text(event.path("recipient"), "id");
		}

		ReceivedEvent build(EventKind kind, String dedupeKey, String mid, String text, JsonNode attachments,
				JsonNode details) {
			boolean fromBusiness = kind == EventKind.ECHO || (accountId != null && accountId.equals(senderId));
			Direction direction = fromBusiness ? Direction.OUTBOUND : Direction.INBOUND;
			String userId = fromBusiness ? recipientId : senderId;
			return new ReceivedEvent(accountId, kind, direction, boundedKey(dedupeKey), senderId, recipientId, userId, mid, text,
					write(attachments), write(details), timestamp, standby, write(event));
		}

	}

}
