package dev.igautomation.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Figures over periods from a {@link AnalyticsRollup refreshed} rollup: the slots that lie inside a period from the
 * rollup, and the parts of the slots its ends cut (a period of the API may start at any instant) from the stored rows.
 */
@Component
class RollupReads {

	private final JdbcClient jdbc;

	private final LiveCounts live;

	RollupReads(JdbcClient jdbc, LiveCounts live) {
		this.jdbc = jdbc;
		this.live = live;
	}

	/** The whole slots inside [from, to), as [first, end); empty (first == end) when none. */
	record Inner(long first, long end) {

		static Inner of(Instant from, Instant to) {
			long first = LiveCounts.slotOf(from);
			if (LiveCounts.startOf(first).isBefore(from)) {
				first++;
			}
			long end = Math.max(first, LiveCounts.slotOf(to));
			return new Inner(first, end);
		}

		Instant start() {
			return LiveCounts.startOf(first);
		}

		Instant endAt() {
			return LiveCounts.startOf(end);
		}

		boolean isEmpty() {
			return first == end;
		}

	}

	/** The counts of each range bounds[i] to bounds[i + 1]. */
	List<Tally> tallies(String accountId, String instagramAccountId, List<Instant> bounds) {
		Instant from = bounds.get(0);
		Instant to = bounds.get(bounds.size() - 1);
		NavigableMap<Long, Tally> stored = new TreeMap<>();
		jdbc.sql("select slot, " + Tally.COLUMNS + " from analytics_slot where account_id = ? and slot >= ? "
				+ "and slot < ?")
			.params(accountId, LiveCounts.slotOf(from), LiveCounts.slotOf(to) + 1)
			.query(row -> {
				long[] counts = new long[11];
				for (int i = 0; i < counts.length; i++) {
					counts[i] = row.getLong(i + 2);
				}
				stored.put(row.getLong(1), Tally.of(counts));
			});
		List<Tally> tallies = new ArrayList<>();
		for (int i = 0; i + 1 < bounds.size(); i++) {
			Instant start = bounds.get(i);
			Instant end = bounds.get(i + 1);
			Inner inner = Inner.of(start, end);
			if (inner.isEmpty()) {
				tallies.add(live.between(accountId, instagramAccountId, start, end));
				continue;
			}
			Tally sum = live.between(accountId, instagramAccountId, start, inner.start())
				.plus(live.between(accountId, instagramAccountId, inner.endAt(), end));
			for (Tally slot : stored.subMap(inner.first(), inner.end()).values()) {
				sum = sum.plus(slot);
			}
			tallies.add(sum);
		}
		return tallies;
	}

	/** Each account's counts over [from, to), by account id, for several accounts at once. */
	Map<String, Tally> totals(List<AccountActivity.AccountIds> accounts, Instant from, Instant to) {
		Inner inner = Inner.of(from, to);
		Map<String, Tally> totals = new HashMap<>();
		if (inner.isEmpty()) {
			totals.putAll(live.between(accounts, from, to));
			return totals;
		}
		jdbc.sql("select account_id, " + Tally.COLUMNS.replaceAll("(\\w+)", "sum($1)") + " from analytics_slot "
				+ "where account_id in (:ids) and slot >= :first and slot < :end group by account_id")
			.param("ids", accounts.stream().map(AccountActivity.AccountIds::id).toList())
			.param("first", inner.first())
			.param("end", inner.end())
			.query(row -> {
				long[] counts = new long[11];
				for (int i = 0; i < counts.length; i++) {
					counts[i] = row.getLong(i + 2);
				}
				totals.put(row.getString(1), Tally.of(counts));
			});
		live.between(accounts, from, inner.start()).forEach((account, edge) -> totals.merge(account, edge, Tally::plus));
		live.between(accounts, inner.endAt(), to).forEach((account, edge) -> totals.merge(account, edge, Tally::plus));
		return totals;
	}

	/**
	 * The people who wrote to the account in [from, to), each once: those whose last message is in the period, and
	 * those who wrote again after it and also in it (none, for a period that ends now).
	 */
	long users(String accountId, String instagramAccountId, Instant from, Instant to) {
		Map<String, Object> parameters = Map.of("account", accountId, "instagram", instagramAccountId, "from",
				DatabaseTime.of(from), "to", DatabaseTime.of(to));
		long lastWroteInPeriod = jdbc.sql("""
				select count(*) from analytics_user
				where account_id = :account and last_message_at >= :from and last_message_at < :to""")
			.params(parameters)
			.query(Long.class)
			.single();
		return lastWroteInPeriod + jdbc.sql("""
				select count(*) from analytics_user u
				where u.account_id = :account and u.last_message_at >= :to and exists (
				    select 1 from inbound_event e
				    where e.instagram_account_id = :instagram and e.user_id = u.user_id and e.direction = 'inbound'
				      and e.kind = 'message' and e.event_time >= :from and e.event_time < :to)""")
			.params(parameters)
			.query(Long.class)
			.single();
	}

	/** Auto-replies per rule in [from, to), most first, with the rule's name (null once the rule is deleted). */
	List<AccountAnalytics.RuleReplies> repliesPerRule(String accountId, Instant from, Instant to) {
		Inner inner = Inner.of(from, to);
		Instant innerStart = inner.isEmpty() ? to : inner.start();
		Instant innerEnd = inner.isEmpty() ? to : inner.endAt();
		Map<String, Long> replies = new HashMap<>();
		jdbc.sql("""
				select rule_id, replies from analytics_rule_slot where account_id = :account and slot >= :first and slot < :end
				union all
				select rule_id, 1 from outbound_message
				where account_id = :account and rule_id is not null
				  and ((created_at >= :from and created_at < :innerStart) or (created_at >= :innerEnd and created_at < :to))""")
			.params(Map.of("account", accountId, "first", inner.first(), "end", inner.end(), "from",
					DatabaseTime.of(from), "innerStart", DatabaseTime.of(innerStart), "innerEnd",
					DatabaseTime.of(innerEnd), "to", DatabaseTime.of(to)))
			.query(row -> {
				replies.merge(row.getString(1), row.getLong(2), Long::sum);
			});
		if (replies.isEmpty()) {
			return List.of();
		}
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select id, name from auto_reply_rule where id in (:ids)")
			.param("ids", List.copyOf(replies.keySet()))
			.query(row -> {
				names.put(row.getString(1), row.getString(2));
			});
		return replies.entrySet()
			.stream()
			.map(rule -> new AccountAnalytics.RuleReplies(rule.getKey(), names.get(rule.getKey()), rule.getValue()))
			.sorted((a, b) -> a.replies() != b.replies() ? Long.compare(b.replies(), a.replies())
					: a.ruleId().compareTo(b.ruleId()))
			.toList();
	}

}
