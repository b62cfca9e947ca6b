package dev.igautomation.inbound;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.igautomation.system.Sha256;
import org.springframework.stereotype.Component;

/**
 * Judges each received event on its own against what storage can hold, so that one odd event never spoils the body
 * it came in. Ids longer than their columns (longer than any Meta hands out) make an event {@link EventKind#INVALID
 * invalid}: kept raw with the reason, not taken for what it claims to be. A time that is missing, unreadable or
 * implausible (before Instagram existed, or over a day ahead) is replaced by the time of arrival and flagged, the
 * original kept in the details. Text is made storable by both databases alike ({@link StorableText}).
 */
@Component
class StorableEvents {

	static final int ID_LENGTH = 64;

	static final int MID_LENGTH = 512;

	static final Instant EARLIEST = Instant.parse("2010-01-01T00:00:00Z");

	static final Duration AHEAD = Duration.ofDays(1);

	private final JsonMapper json;

	StorableEvents(JsonMapper json) {
		this.json = json;
	}

	/** The row for {@code event}, arrived at {@code receivedAt}: as it is, adjusted, or invalid with the reason. */
	EventRow rowOf(String id, ReceivedEvent event, EventSource source, Instant receivedAt) {
		String problem = problemOf(event);
		if (problem != null) {
			return invalid(id, event, source, problem, receivedAt);
		}
		boolean plausible = event.timestamp() != null && !event.timestamp().isBefore(EARLIEST)
				&& !event.timestamp().isAfter(receivedAt.plus(AHEAD));
		String details = plausible ? event.details() : withOriginalTime(event);
		return new EventRow(id, StorableText.text(event.instagramAccountId()), event.dedupeKey(), event.kind(),
				event.direction(), StorableText.text(event.senderId()), StorableText.text(event.recipientId()),
				StorableText.text(event.userId()), StorableText.text(event.mid()), StorableText.text(event.text()),
				StorableText.json(event.attachments()), StorableText.json(details),
				plausible ? event.timestamp() : receivedAt, receivedAt, event.standby(), StorableText.json(event.raw()),
				!plausible, null, source);
	}

	/** An event kept raw because storing it as what it is failed; {@code problem} says why. */
	EventRow invalid(String id, ReceivedEvent event, EventSource source, String problem, Instant receivedAt) {
		String accountId = event.instagramAccountId() == null || event.instagramAccountId().length() > ID_LENGTH ? ""
				: StorableText.text(event.instagramAccountId());
		String raw = StorableText.json(event.raw() == null ? "{}" : event.raw());
		return new EventRow(id, accountId, "invalid:" + Sha256.hex(accountId + "\u0000" + raw), EventKind.INVALID,
				Direction.INBOUND, null, null, null, null, null, null, null, receivedAt, receivedAt, event.standby(), raw,
				true, problem.length() > 1000 ? problem.substring(0, 1000) : problem, source);
	}

	private static String problemOf(ReceivedEvent event) {
		if (event.instagramAccountId() != null && event.instagramAccountId().length() > ID_LENGTH) {
			return tooLong("entry.id", ID_LENGTH);
		}
		if (event.senderId() != null && event.senderId().length() > ID_LENGTH) {
			return tooLong("sender.id", ID_LENGTH);
		}
		if (event.recipientId() != null && event.recipientId().length() > ID_LENGTH) {
			return tooLong("recipient.id", ID_LENGTH);
		}
		if (event.mid() != null && event.mid().length() > MID_LENGTH) {
			return tooLong("the message id (mid)", MID_LENGTH);
		}
		return null;
	}

	private static String tooLong(String field, int length) {
		return "%s is longer than %d characters, longer than any id Meta hands out.".formatted(field, length);
	}

	private String withOriginalTime(ReceivedEvent event) {
		if (event.originalTimestamp() == null) {
			return event.details();
		}
		ObjectNode details = event.details() == null ? json.createObjectNode()
				: (ObjectNode) json.readTree(event.details());
		details.put("original_timestamp", event.originalTimestamp());
		return json.writeValueAsString(details);
	}

}
