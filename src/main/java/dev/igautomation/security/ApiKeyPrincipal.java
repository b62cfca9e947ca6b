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
public record ApiKeyPrincipal(String keyId, String name, boolean admin, Set<String> accountIds) implements Caller {

	public ApiKeyPrincipal {
		accountIds = Set.copyOf(accountIds);
	}

	/** A key limited to no account reaches every account. */
	@Override
	public boolean unrestricted() {
		return accountIds.isEmpty();
	}

}
