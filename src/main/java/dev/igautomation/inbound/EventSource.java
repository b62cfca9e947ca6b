package dev.igautomation.inbound;

import java.util.Locale;

/** How an event reached the service. */
public enum EventSource {

	/** Meta's webhook delivered it. */
	WEBHOOK,
	/** Read from Meta's Conversations API when the account was connected: history from before the service knew it. */
	IMPORT,
	/** Read from Meta's Conversations API because no webhook delivered it. */
	RECOVERED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static EventSource of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
