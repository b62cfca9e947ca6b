package dev.igautomation.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.igautomation.analytics.AccountActivity.AccountIds;
import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each account's analytics rollup ({@code analytics_slot}, {@code analytics_rule_slot}, {@code reply_turn},
 * {@code analytics_user}) exact: every read first {@link #refresh refreshes} it, which
 * recomputes from the stored rows only the slots and conversations that something changed since the last refresh —
 * found by the rows' own stamps (events' {@code received_at}, sends' and deliveries' {@code updated_at}), so late
 * rows (history imports, recovered events, retried deliveries) are counted wherever their time falls. A page view then
 * reads slots and turns rather than every row of the period, and only what changed is computed live.
 * <p>
 * Why on read rather than in a listener of each change: sends and deliveries change in many places with no event
 * to listen to, and a read-time refresh is never behind. The refresh of an account holds its rollup row's lock, so
 * two refreshes never interleave. {@link #MARGIN}: a row stamped shortly before a refresh but committed after it is
 * caught by the next one, as long as its transaction commits within a minute of its stamp (the service stamps rows
 * in the transaction that writes them); rows stamped within the margin are recomputed by every refresh until it has
 * passed, so a bulk load (a history import) costs a few full recomputes, not one.
 */
@Component
public class AnalyticsRollup {

	static final Duration MARGIN = Duration.ofMinutes(1);

	private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

	private static final int USERS_PER_STATEMENT = 500;

	private static final int MOST_RUNS = 50;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final LiveCounts live;

	private final Clock clock;

	AnalyticsRollup(JdbcClient jdbc, JdbcTemplate batch, LiveCounts live, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.live = live;
		this.clock = clock;
	}

	/** Brings the account's rollup up to date, in the caller's transaction (built whole on first use). */
	@Transactional
	public void refresh(String accountId, String instagramAccountId) {
		refresh(List.of(new AccountIds(accountId, instagramAccountId)));
	}

	/** Brings these accounts' rollups up to date together: a few statements for all, then the work each needs. */
	@Transactional
	public void refresh(List<AccountIds> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		List<String> ids = accounts.stream().map(AccountIds::id).sorted().toList();
		batch.batchUpdate("insert into analytics_rollup (account_id, refreshed_at) values (?, null) "
				+ "on conflict do nothing", ids.stream().map(id -> new Object[] { id }).toList());
		Map<String, Optional<Instant>> refreshed = new HashMap<>();
		jdbc.sql("select account_id, refreshed_at from analytics_rollup where account_id in (:ids) "
				+ "order by account_id for update")
			.param("ids", ids)
			.query(row -> {
				refreshed.put(row.getString(1), Optional.ofNullable(DatabaseTime.instant(row, "refreshed_at")));
			});
		List<AccountIds> built = new ArrayList<>();
		Instant since = null;
		for (AccountIds account : accounts) {
			Optional<Instant> at = refreshed.getOrDefault(account.id(), Optional.empty());
			if (at.isEmpty()) {
				recomputeSlots(account.id(), account.instagramAccountId(), BEGINNING, END);
				recomputeTurns(account.id(), account.instagramAccountId(), null);
			}
			else {
				built.add(account);
				since = since == null || at.get().isBefore(since) ? at.get() : since;
			}
		}
		if (!built.isEmpty()) {
			recomputeChanged(built, since.minus(MARGIN));
		}
		jdbc.sql("update analytics_rollup set refreshed_at = :now where account_id in (:ids)")
			.param("now", DatabaseTime.of(now))
			.param("ids", ids)
			.update();
	}

	/** Recomputes the slots and conversations of rows that arrived or changed since {@code since}. */
	private void recomputeChanged(List<AccountIds> accounts, Instant since) {
		Map<String, String> byInstagramId = new HashMap<>();
		accounts.forEach(account -> byInstagramId.put(account.instagramAccountId(), account.id()));
		Map<String, Object> parameters = Map.of("accounts", accounts.stream().map(AccountIds::id).toList(),
				"instagram", List.copyOf(byInstagramId.keySet()), "since", DatabaseTime.of(since));
		Map<String, TreeSet<Long>> slots = new HashMap<>();
		Map<String, List<String>> users = new HashMap<>();
		jdbc.sql("select distinct instagram_account_id, " + LiveCounts.slotOf("event_time") + " from inbound_event "
				+ "where instagram_account_id in (:instagram) and received_at >= :since").params(parameters)
			.query(row -> {
				slots.computeIfAbsent(byInstagramId.get(row.getString(1)), id -> new TreeSet<>()).add(row.getLong(2));
			});
		for (String table : List.of("outbound_message", "crm_delivery")) {
			jdbc.sql("select distinct account_id, " + LiveCounts.slotOf("created_at") + " from " + table
					+ " where account_id in (:accounts) and updated_at >= :since").params(parameters)
				.query(row -> {
					slots.computeIfAbsent(row.getString(1), id -> new TreeSet<>()).add(row.getLong(2));
				});
		}
		jdbc.sql("select distinct instagram_account_id, user_id from inbound_event where instagram_account_id in "
				+ "(:instagram) and received_at >= :since and user_id is not null and kind in ('message', 'echo')")
			.params(parameters)
			.query(row -> {
				users.computeIfAbsent(byInstagramId.get(row.getString(1)), id -> new ArrayList<>())
					.add(row.getString(2));
			});
		for (AccountIds account : accounts) {
			for (long[] run : runs(slots.getOrDefault(account.id(), new TreeSet<>()))) {
				recomputeSlots(account.id(), account.instagramAccountId(), LiveCounts.startOf(run[0]),
						LiveCounts.startOf(run[1]));
			}
			List<String> changed = users.getOrDefault(account.id(), List.of());
			for (int i = 0; i < changed.size(); i += USERS_PER_STATEMENT) {
				recomputeTurns(account.id(), account.instagramAccountId(),
						changed.subList(i, Math.min(changed.size(), i + USERS_PER_STATEMENT)));
			}
		}
	}

	/** Forgets every account's rollup (each is built again on its next read): rows were deleted, not changed. */
	void forgetAll() {
		for (String table : List.of("analytics_rollup", "analytics_slot", "analytics_user", "analytics_rule_slot",
				"reply_turn")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	/** Forgets one account's rollup. */
	void forget(String accountId) {
		for (String table : List.of("analytics_rollup", "analytics_slot", "analytics_user", "analytics_rule_slot",
				"reply_turn")) {
			jdbc.sql("delete from " + table + " where account_id = ?").param(accountId).update();
		}
	}

	/**
	 * Runs of consecutive slots as [first, last + 1), so that a refresh recomputes a few ranges; past
	 * {@link #MOST_RUNS} (a history import scatters rows over months), the one range from the first to the last.
	 */
	static List<long[]> runs(TreeSet<Long> slots) {
		List<long[]> runs = consecutive(slots);
		return runs.size() <= MOST_RUNS ? runs : List.of(new long[] { slots.first(), slots.last() + 1 });
	}

	private static List<long[]> consecutive(TreeSet<Long> slots) {
		List<long[]> runs = new ArrayList<>();
		for (long slot : slots) {
			long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (last != null && last[1] == slot) {
				last[1] = slot + 1;
			}
			else {
				runs.add(new long[] { slot, slot + 1 });
			}
		}
		return runs;
	}

	private void recomputeSlots(String accountId, String instagramAccountId, Instant from, Instant to) {
		Map<String, Object> range = Map.of("account", accountId, "instagram", instagramAccountId, "from",
				DatabaseTime.of(from), "to", DatabaseTime.of(to), "first", LiveCounts.slotOf(from), "end",
				LiveCounts.slotOf(to));
		for (String table : List.of("analytics_slot", "analytics_rule_slot")) {
			jdbc.sql("delete from " + table + " where account_id = :account and slot >= :first and slot < :end")
				.params(range)
				.update();
		}
		List<Object[]> rows = new ArrayList<>();
		live.bySlot(accountId, instagramAccountId, from, to).forEach((slot, tally) -> {
			List<Object> values = new ArrayList<>(List.of(accountId, slot));
			for (long count : tally.counts()) {
				values.add(count);
			}
			rows.add(values.toArray());
		});
		batch.batchUpdate("insert into analytics_slot (account_id, slot, " + Tally.COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		jdbc.sql("""
				insert into analytics_rule_slot (account_id, slot, rule_id, replies)
				select :account, %s, rule_id, count(*) from outbound_message
				where account_id = :account and created_at >= :from and created_at < :to and rule_id is not null
				group by %1$s, rule_id""".formatted(LiveCounts.slotOf("created_at"))).params(range).update();
	}

	/**
	 * A user's message that opens the conversation or follows one of the account's starts a turn, answered by the
	 * account's next message to that user (this service's or the Instagram app's, its echo): one pass over the
	 * conversations, each line with the direction of the line before and the time of the next echo after it.
	 */
	private void recomputeTurns(String accountId, String instagramAccountId, List<String> users) {
		String ofUsers = users == null ? "" : " and user_id in (:users)";
		Map<String, Object> parameters = users == null ? Map.of("account", accountId, "instagram", instagramAccountId)
				: Map.of("account", accountId, "instagram", instagramAccountId, "users", users);
		jdbc.sql("delete from reply_turn where account_id = :account" + ofUsers).params(parameters).update();
		jdbc.sql("delete from analytics_user where account_id = :account" + ofUsers).params(parameters).update();
		jdbc.sql("""
				insert into analytics_user (account_id, user_id, last_message_at)
				select :account, user_id, max(event_time) from inbound_event
				where instagram_account_id = :instagram and direction = 'inbound' and kind = 'message'
				  and user_id is not null%s
				group by user_id""".formatted(ofUsers)).params(parameters).update();
		jdbc.sql("""
				insert into reply_turn (event_id, account_id, user_id, started_at, answered_at)
				select id, :account, user_id, event_time, answered_at from (
				    select id, user_id, event_time, direction,
				           lag(direction) over (partition by user_id order by event_time, id) as previous,
				           min(case when kind = 'echo' then event_time end) over (partition by user_id
				               order by event_time, id rows between current row and unbounded following) as answered_at
				    from inbound_event
				    where instagram_account_id = :instagram and kind in ('message', 'echo') and user_id is not null%s
				) as lines
				where direction = 'inbound' and (previous is null or previous = 'outbound')""".formatted(ofUsers))
			.params(parameters)
			.update();
	}

}
