package dev.igautomation.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What several accounts did since a moment (the overview's "today"), by the same rules as {@link AccountAnalytics}
 * and from the same rollup, refreshed and read for all the accounts together; and the last event each received.
 */
@Component
public class AccountActivity {

	private final JdbcClient jdbc;

	private final AnalyticsRollup rollup;

	private final RollupReads reads;

	AccountActivity(JdbcClient jdbc, AnalyticsRollup rollup, RollupReads reads) {
		this.jdbc = jdbc;
		this.rollup = rollup;
		this.reads = reads;
	}

	/** An account's figures for the period; {@code lastEventAt} is when its latest event was received, of all time. */
	public record Activity(long received, long sent, long autoReplies, long failedSends, long failedDeliveries,
			Instant lastEventAt) {
	}

	/** An account, by both of its ids. */
	public record AccountIds(String id, String instagramAccountId) {
	}

	@Transactional
	public Map<String, Activity> between(List<AccountIds> accounts, Instant from, Instant to) {
		Map<String, Activity> activity = new HashMap<>();
		if (accounts.isEmpty()) {
			return activity;
		}
		rollup.refresh(accounts);
		Map<String, Tally> totals = reads.totals(accounts, from, to);
		for (AccountIds account : accounts) {
			Tally tally = totals.getOrDefault(account.id(), Tally.NONE);
			activity.put(account.id(), new Activity(tally.received(), tally.echoes(), tally.autoReplies(),
					tally.sendsFailed(), tally.deliveryFailed(), lastEvent(account.instagramAccountId()).orElse(null)));
		}
		return activity;
	}

	/** The newest event's arrival, from the (account, event time) index: one row read. */
	private Optional<Instant> lastEvent(String instagramAccountId) {
		return jdbc.sql("""
				select received_at from inbound_event where instagram_account_id = ?
				order by event_time desc, id desc fetch first 1 rows only""")
			.param(instagramAccountId)
			.query((row, number) -> DatabaseTime.instant(row, "received_at"))
			.optional();
	}

}
