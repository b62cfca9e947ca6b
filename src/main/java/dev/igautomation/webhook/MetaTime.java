package dev.igautomation.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Reads the times in Meta's payloads: epoch milliseconds as numbers, but also seconds (the dashboard's test sends
 * seconds, as a string) and, as other integrations send them, ISO-8601 strings. Whether a time is plausible is for
 * storage to judge; here only whether it can be read at all.
 */
final class MetaTime {

	/** Below this, a number is taken for seconds: 100 billion seconds is the year 5138, as milliseconds 1973. */
	private static final long SECONDS_UNTIL = 100_000_000_000L;

	private MetaTime() {
	}

	/** The time a node holds, or null when it holds none that can be read. */
	static Instant read(JsonNode value) {
		if (value == null || value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return ofNumber(value.longValue());
		}
		if (value.isFloatingPointNumber()) {
			double number = value.doubleValue();
			return Double.isFinite(number) && Math.abs(number) < Long.MAX_VALUE ? ofNumber((long) number) : null;
		}
		if (value.isString()) {
			return ofText(value.stringValue().strip());
		}
		return null;
	}

	/** The node's value as text, to keep a time that could not be used, or null when there is none. */
	static String original(JsonNode value) {
		if (value == null || value.isMissingNode() || value.isNull()) {
			return null;
		}
		return value.isContainer() ? value.toString() : value.asString();
	}

	private static Instant ofNumber(long number) {
		return Math.abs(number) < SECONDS_UNTIL ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
	}

	private static Instant ofText(String text) {
		if (text.matches("-?\\d{1,18}")) {
			return ofNumber(Long.parseLong(text));
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeException notAnInstant) {
				return null;
			}
		}
	}

}
