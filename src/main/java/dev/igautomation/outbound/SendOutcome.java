package dev.igautomation.outbound;

import java.time.Instant;

/** What an attempt came to, and so what becomes of the message's job. */
sealed interface SendOutcome {

	/** Nothing more to do: sent, failed for good, or no longer this attempt's. */
	record Done() implements SendOutcome {
	}

	/** Attempt again (or look for the echo) at this time. */
	record Later(Instant at) implements SendOutcome {
	}

}
