package dev.igautomation.inbound;

import java.util.Locale;

/** Whether an event came from a user ({@code inbound}) or from the business account ({@code outbound}). */
public enum Direction {

	INBOUND, OUTBOUND;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Direction of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
