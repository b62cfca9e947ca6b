package dev.igautomation.account;

/**
 * The caches of what the event path reads about accounts on every event: cleared (all entries, once the change
 * commits) whenever anything about an account changes.
 */
final class AccountCaches {

	static final String BY_INSTAGRAM_ID = "accounts-by-instagram-id";

	static final String SENDING = "sending-accounts";

	static final String CRM_ENDPOINTS = "crm-endpoints";

	private AccountCaches() {
	}

}
