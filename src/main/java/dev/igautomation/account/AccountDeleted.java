package dev.igautomation.account;

/**
 * Published when an account is removed, so features with data of their own for it can let go of it.
 */
public record AccountDeleted(String accountId, String instagramAccountId) {
}
