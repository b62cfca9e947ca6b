package dev.igautomation.outbound;

import java.time.Instant;

/**
 * A person at the business wrote to a user: through the send API, or from the Instagram app (an echo this service
 * did not send). Published inside the transaction that learned of it.
 */
public record HumanMessageSent(String accountId, String userId, Instant at) {
}
