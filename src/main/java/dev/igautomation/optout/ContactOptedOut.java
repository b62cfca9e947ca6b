package dev.igautomation.optout;

import java.time.Instant;

/**
 * A user opted out of an account's automated messages, by the message {@code causedBy} (its stored event id) sent
 * at {@code at}.
 */
public record ContactOptedOut(String accountId, String userId, Instant at, String causedBy) {
}
