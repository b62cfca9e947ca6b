package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A person at the business wrote to a user: through the send API, or from the Instagram app (an echo this service
 * did not send). Published inside the transaction that learned of it.
 */
public record HumanMessageSent(String accountId, String userId, Instant at, Channel channel) {

	/** Where the person wrote. */
	public enum Channel {

		/** The send API: the CRM, or an operator. */
		SEND_API,
		/** The Instagram app or another tool Meta echoes: an echo this service did not send. */
		INSTAGRAM_APP

	}

}
