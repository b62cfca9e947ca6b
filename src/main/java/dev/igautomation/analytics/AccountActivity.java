package dev.igautomation.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What several accounts did since a moment (the overview's "today"), by the same rules as {@link AccountAnalytics}:
 * one query per table for all the accounts together, and the last event each account received.
 */
@Component
public class AccountActivity {

	private final JdbcClient jdbc;

	AccountActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account's figures for the period; {@code lastEventAt} is when its latest event was received, of all time. */
	public record Activity(long received, long sent, long autoReplies, long failedSends, long failedDeliveries,
			Instant lastEventAt) {
	}

	/** An account, by both of its ids. */
	public record AccountIds(String id, String instagramAccountId) {
	}

	@Transactional(readOnly = true)
	public Map<String, Activity> between(List<AccountIds> accounts, Instant from, Instant to) {
		Map<String, Activity> activity = new HashMap<>();
		if (accounts.isEmpty()) {
			return activity;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource()
			.addValue("ids", accounts.stream().map(AccountIds::id).toList())
			.addValue("instagram", accounts.stream().map(AccountIds::instagramAccountId).toList())
			.addValue("from", DatabaseTime.of(from))
			.addValue("to", DatabaseTime.of(to));
		Map<String, long[]> events = new HashMap<>();
		jdbc.sql("""
				select instagram_account_id,
				       coalesce(sum(case when direction = 'inbound' and kind = 'message' then 1 else 0 end), 0) as received,
				       coalesce(sum(case when kind = 'echo' then 1 else 0 end), 0) as sent
				from inbound_event
				where instagram_account_id in (:instagram) and event_time >= :from and event_time < :to
				group by instagram_account_id""")
			.paramSource(parameters)
			.query(row -> {
				events.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
			});
		Map<String, long[]> sends = new HashMap<>();
		jdbc.sql("""
				select account_id,
				       coalesce(sum(case when source = 'auto_reply' then 1 else 0 end), 0) as auto_replies,
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failed
				from outbound_message
				where account_id in (:ids) and created_at >= :from and created_at < :to
				group by account_id""")
			.paramSource(parameters)
			.query(row -> {
				sends.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
			});
		Map<String, Long> failedDeliveries = new HashMap<>();
		jdbc.sql("""
				select account_id, count(*) from crm_delivery
				where account_id in (:ids) and created_at >= :from and created_at < :to and status = 'failed'
				group by account_id""")
			.paramSource(parameters)
			.query(row -> {
				failedDeliveries.put(row.getString(1), row.getLong(2));
			});
		for (AccountIds account : accounts) {
			long[] eventCounts = events.getOrDefault(account.instagramAccountId(), new long[2]);
			long[] sendCounts = sends.getOrDefault(account.id(), new long[2]);
			activity.put(account.id(), new Activity(eventCounts[0], eventCounts[1], sendCounts[0], sendCounts[1],
					failedDeliveries.getOrDefault(account.id(), 0L), lastEvent(account.instagramAccountId()).orElse(null)));
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
