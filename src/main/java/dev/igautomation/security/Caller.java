package dev.igautomation.security;

import java.util.Set;

/**
 * Who is asking, as the application services see it: an API key or an operator signed in to the console. Either
 * reaches every account or only some; an account it may not reach must look absent (404).
 */
public interface Caller {

	/** Whether this caller reaches every account, and so may add and remove accounts. */
	boolean unrestricted();

	/** The accounts a restricted caller may reach; ignored when {@link #unrestricted()}. */
	Set<String> accountIds();

	/** Whether this caller may see and act on the account. */
	default boolean canAccess(String accountId) {
		return unrestricted() || accountIds().contains(accountId);
	}

}
