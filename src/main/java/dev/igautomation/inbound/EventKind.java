package dev.igautomation.inbound;

import java.util.Locale;

/**
 * What an event from Meta is. Stored lowercase; {@link #crmEventType()} is its name to the CRM, or null when it is
 * not forwarded.
 */
public enum EventKind {

	/** A direct message from a user: text, attachments, quick reply, story reply or mention, ad referral... */
	MESSAGE("message.received"),
	/** A message the business account sent, from this service or from the Instagram app. */
	ECHO("message.echo"),
	/** A user unsent a message. */
	MESSAGE_DELETED("message.deleted"),
	/** A user edited a message. */
	MESSAGE_EDITED("message.edited"),
	/** A user reacted to a message, or took the reaction back. */
	REACTION("message.reaction"),
	/** A user saw the conversation up to a message. */
	READ("message.read"),
	/** A user tapped a button or an ice breaker. */
	POSTBACK("postback.received"),
	/** A user opened the conversation from a link or an ad without writing. */
	REFERRAL("referral.received"),
	/** A comment on one of the account's posts. */
	COMMENT("comment.received"),
	/** The "Test" button of Meta's app dashboard: stored, never taken for a real message. */
	TEST(null),
	/** A kind this version does not know yet: stored raw, acknowledged, not forwarded. */
	UNKNOWN(null),
	/**
	 * An event that could not be stored as what it is (an id longer than any Meta hands out, say): kept raw with the
	 * reason, acknowledged, counted, not forwarded, so that the good events beside it go through.
	 */
	INVALID(null);

	private final String crmEventType;

	EventKind(String crmEventType) {
		this.crmEventType = crmEventType;
	}

	public String crmEventType() {
		return crmEventType;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static EventKind of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
