package dev.igautomation.optout;

import java.time.Instant;

/**
 * A user who had opted out opted back into an account's automated messages, by the message {@code causedBy} (its
 * stored event id) sent at {@code at}.
 */
public record ContactOptedIn(String accountId, String userId, Instant at, String causedBy) {
}
