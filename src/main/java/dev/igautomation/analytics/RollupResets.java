package dev.igautomation.analytics;

import dev.igautomation.account.AccountDeleted;
import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deleted rows leave no stamp for a refresh to find, so a deletion forgets the rollups instead, in its own
 * transaction: each account's is built again from what is left on its next read. Deletions are rare; a rebuild
 * reads an account's rows once.
 */
@Component
class RollupResets {

	private final AnalyticsRollup rollup;

	RollupResets(AnalyticsRollup rollup) {
		this.rollup = rollup;
	}

	@EventListener
	void userDataDeleted(UserDataDeletion deletion) {
		rollup.forgetAll();
	}

	@EventListener
	void accountDeleted(AccountDeleted deleted) {
		rollup.forget(deleted.accountId());
	}

}
