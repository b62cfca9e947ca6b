package dev.igautomation.security;

import java.util.Set;

/**
 * The API key a request was authenticated with, and what it may reach.
 *
 * @param keyId the key's id ({@code key_...})
 * @param name the name it was given
 * @param admin whether it may manage API keys
 * @param accountIds the accounts it is limited to; empty means every account
 */
public record ApiKeyPrincipal(String keyId, String name, boolean admin, Set<String> accountIds) {

	public ApiKeyPrincipal {
		accountIds = Set.copyOf(accountIds);
	}

	/** Whether this key may see and act on the account; an account it may not reach must look absent (404). */
	public boolean canAccess(String accountId) {
		return accountIds.isEmpty() || accountIds.contains(accountId);
	}

	/** Whether this key reaches every account, and so may create and delete accounts. */
	public boolean unrestricted() {
		return accountIds.isEmpty();
	}

}
