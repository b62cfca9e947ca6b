package dev.igautomation.inbound;

import dev.igautomation.account.AccountSummary;

/**
 * Published once per stored event of a known account, inside the job that processes it: listeners' work commits
 * with the job, and is done again if the job is retried, so it must be idempotent.
 */
public record InstagramEventReceived(StoredEvent event, AccountSummary account) {
}
