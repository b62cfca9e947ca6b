package dev.igautomation.autoreply;

import java.util.Locale;

/** What kind of user message a rule answers. */
public enum RuleTrigger {

	/** A direct message: text, attachments, a shared post. */
	DIRECT_MESSAGE,
	/** The user mentioned the account in their story. */
	STORY_MENTION,
	/** The user answered one of the account's stories. */
	STORY_REPLY,
	/** The user tapped a button or an ice breaker: matched on its payload. */
	POSTBACK,
	/** The user tapped a quick reply: matched on its payload. */
	QUICK_REPLY,
	/** The user commented on one of the account's posts: answered with a private reply. */
	COMMENT,
	/**
	 * The user opened the conversation from an ig.me link or an ad: matched on the link's {@code ref}, or the ad's
	 * id (a message that came with a referral is tried against these rules first).
	 */
	REFERRAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RuleTrigger of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
