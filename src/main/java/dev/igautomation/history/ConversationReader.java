package dev.igautomation.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.ReceivedEvent;
import dev.igautomation.instagram.GraphClient;
import org.springframework.stereotype.Component;

/**
 * Reads a conversation's messages from Meta's Conversations API as events like those webhooks bring: a message from
 * the user is a {@code message}, one from the account an {@code echo}, each keyed by its mid as a webhook's is
 * ({@code message:<mid>}), so a message both read here and delivered by a webhook is stored once.
 */
@Component
class ConversationReader {

	/** Graph API times: {@code 2024-06-27T19:43:31+0000}, or ISO 8601 with a colon in the offset. */
	private static final DateTimeFormatter GRAPH_TIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HHMM", "+0000")
		.optionalEnd()
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.toFormatter();

	private final GraphClient graph;

	private final JsonMapper json;

	ConversationReader(GraphClient graph, JsonMapper json) {
		this.graph = graph;
		this.json = json;
	}

	/** The conversation's messages since {@code since}, oldest first. */
	List<ReceivedEvent> messages(String accessToken, String instagramAccountId, String conversationId,
			Instant since) {
		List<ReceivedEvent> events = new ArrayList<>();
		for (JsonNode message : graph.conversationMessages(accessToken, conversationId)) {
			ReceivedEvent event = eventOf(instagramAccountId, message);
			if (event.mid() != null && (event.timestamp() == null || !event.timestamp().isBefore(since))) {
				events.add(event);
			}
		}
		events.sort(Comparator.comparing(ReceivedEvent::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
		return events;
	}

	ReceivedEvent eventOf(String instagramAccountId, JsonNode message) {
		String mid = text(message, "id");
		String from = text(message.path("from"), "id");
		String to = text(message.path("to").path("data").path(0), "id");
		boolean fromAccount = instagramAccountId.equals(from);
		JsonNode attachments = message.path("attachments").path("data");
		String created = text(message, "created_time");
		return new ReceivedEvent(instagramAccountId, fromAccount ? EventKind.ECHO : EventKind.MESSAGE,
				fromAccount ? Direction.OUTBOUND : Direction.INBOUND, "message:" + mid, from, to,
				fromAccount ? to : from, mid, text(message, "message"),
				attachments.isArray() && !attachments.isEmpty() ? json.writeValueAsString(attachments) : null, null,
				time(created), created, false, json.writeValueAsString(message));
	}

	/** A Graph API time, or null when it cannot be read (storage then uses the time of arrival, flagged). */
	static Instant time(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.matches("\\d{1,12}")) {
			return Instant.ofEpochSecond(Long.parseLong(value));
		}
		try {
			return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

}
