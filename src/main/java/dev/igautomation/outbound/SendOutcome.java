package dev.igautomation.outbound;

import java.time.Instant;

/** What an attempt came to: the message's status after it, and so what becomes of the message's job. */
sealed interface SendOutcome {

	MessageStatus status();

	/** Nothing more to do: sent, failed for good, or no longer this attempt's (status then null). */
	record Done(MessageStatus status) implements SendOutcome {
	}

	/** Attempt again (or look for the echo) at this time. */
	record Later(Instant at, MessageStatus status) implements SendOutcome {
	}

}
