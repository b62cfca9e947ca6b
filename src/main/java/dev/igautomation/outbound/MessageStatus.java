package dev.igautomation.outbound;

import java.util.Locale;

/** Where a sent message stands. */
public enum MessageStatus {

	/** Accepted, waiting for its first or next attempt. */
	PENDING,
	/** Being sent, or sent without Meta saying so for sure: waiting for its echo. */
	SENDING,
	/** Meta accepted it; {@code instagram_message_id} is set. */
	SENT,
	/** The user has seen it. */
	READ,
	/** It will not be sent; {@code error_*} say why. */
	FAILED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MessageStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	boolean isFinal() {
		return this == SENT || this == READ || this == FAILED;
	}

}
