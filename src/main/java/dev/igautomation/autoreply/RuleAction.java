package dev.igautomation.autoreply;

import java.util.Locale;

/** What a rule answers with. */
public enum RuleAction {

	/** Its reply text, with the placeholders filled. */
	TEXT,
	/** A reply an AI model writes from its instructions and the conversation; its reply text if that fails. */
	AI;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RuleAction of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
