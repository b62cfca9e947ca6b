package dev.igautomation.inbound;

import dev.igautomation.account.AccountSummary;

/**
 * One stored event of a known account, as listeners of {@link InstagramEventsReceived} see it. A listener may see the
 * same event again (after a crash, or a retry), so what it does with it must be idempotent.
 */
public record InstagramEventReceived(StoredEvent event, AccountSummary account) {
}
