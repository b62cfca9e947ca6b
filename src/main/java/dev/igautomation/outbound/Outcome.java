package dev.igautomation.outbound;

import java.time.Instant;

/** What Meta's answer to an attempt does to its message; recorded by {@link OutcomeWrites}. */
sealed interface Outcome {

	OutboundMessage message();

	/** Meta accepted it. */
	record Sent(OutboundMessage message, String instagramMessageId, Instant at) implements Outcome {
	}

	/** It will not be sent. */
	record Failed(OutboundMessage message, OutboundMessageStore.Failure failure, Instant at) implements Outcome {
	}

	/** It is tried again at {@code next}. */
	record Retry(OutboundMessage message, OutboundMessageStore.Failure failure, Instant next, Instant at)
			implements Outcome {
	}

	/** Meta could not say whether it went out: its echo is waited for until {@code echoDue}. */
	record Unconfirmed(OutboundMessage message, OutboundMessageStore.Failure failure, Instant echoDue, Instant at)
			implements Outcome {
	}

}
