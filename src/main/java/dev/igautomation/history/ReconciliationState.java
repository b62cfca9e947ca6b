package dev.igautomation.history;

import java.time.Instant;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Up to when each account's conversations were compared with what webhooks delivered. */
@Repository
class ReconciliationState {

	private final JdbcClient jdbc;

	ReconciliationState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> checkedUntil(String accountId) {
		return jdbc.sql("select checked_until from history_reconciliation where account_id = ?")
			.param(accountId)
			.query((row, number) -> DatabaseTime.instant(row, "checked_until"))
			.optional();
	}

	void checked(String accountId, Instant until, Instant now, int recovered) {
		int updated = jdbc.sql("""
				update history_reconciliation set checked_until = ?, last_run_at = ?, recovered = recovered + ?
				where account_id = ?""")
			.params(DatabaseTime.of(until), DatabaseTime.of(now), recovered, accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into history_reconciliation (account_id, checked_until, last_run_at, recovered)
					values (?, ?, ?, ?)""")
				.params(accountId, DatabaseTime.of(until), DatabaseTime.of(now), recovered)
				.update();
		}
	}

}
