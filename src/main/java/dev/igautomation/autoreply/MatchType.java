package dev.igautomation.autoreply;

import java.util.Locale;

/** How a rule's pattern is compared with the message, ignoring case and surrounding whitespace. */
public enum MatchType {

	/** The whole message is the pattern. */
	EXACT,
	/** The message contains the pattern. */
	CONTAINS,
	/** The regular expression matches somewhere in the message. */
	REGEX,
	/** Every message: a default reply. */
	ANY;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MatchType of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
