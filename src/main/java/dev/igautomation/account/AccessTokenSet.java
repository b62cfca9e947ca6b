package dev.igautomation.account;

/**
 * An account got a new access token: it was added, connected through Instagram Login, or given a token by hand.
 * Published in the transaction that stored the token; the history feature imports the account's recent
 * conversations when it hears of it. Not published for a refresh of the same token.
 */
public record AccessTokenSet(String accountId) {
}
