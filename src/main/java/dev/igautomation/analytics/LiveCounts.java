package dev.igautomation.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts of {@link Tally} straight from the events, sends and deliveries, per 15-minute slot: what the rollup
 * stores, and what a read adds for the part of a period that does not fill a slot.
 */
@Component
class LiveCounts {

	static final long SLOT_SECONDS = 900;

	private final JdbcClient jdbc;

	LiveCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The slot (epoch seconds / 900) of a timestamp column, the same on PostgreSQL and H2. */
	static String slotOf(String column) {
		return "cast(floor(extract(epoch from " + column + ") / " + SLOT_SECONDS + ") as bigint)";
	}

	static long slotOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), SLOT_SECONDS);
	}

	static Instant startOf(long slot) {
		return Instant.ofEpochSecond(slot * SLOT_SECONDS);
	}

	/** Each slot's counts over [from, to), only the slots with any. */
	Map<Long, Tally> bySlot(String accountId, String instagramAccountId, Instant from, Instant to) {
		return bySlot(List.of(new AccountActivity.AccountIds(accountId, instagramAccountId)), from, to)
			.getOrDefault(accountId, Map.of());
	}

	/** Each account's counts per slot over [from, to), by account id; only the slots with any. */
	Map<String, Map<Long, Tally>> bySlot(List<AccountActivity.AccountIds> accounts, Instant from, Instant to) {
		Map<String, Map<Long, long[]>> slots = new HashMap<>();
		Map<String, String> byInstagramId = new HashMap<>();
		accounts.forEach(account -> byInstagramId.put(account.instagramAccountId(), account.id()));
		Map<String, Object> parameters = Map.of("accounts", accounts.stream().map(AccountActivity.AccountIds::id).toList(),
				"instagram", List.copyOf(byInstagramId.keySet()), "from", DatabaseTime.of(from), "to",
				DatabaseTime.of(to));
		add(slots, byInstagramId, 0, parameters, """
				select instagram_account_id, %s as slot,
				       coalesce(sum(case when direction = 'inbound' and kind = 'message' then 1 else 0 end), 0),
				       coalesce(sum(case when kind = 'echo' then 1 else 0 end), 0),
				       coalesce(sum(case when source = 'recovered' then 1 else 0 end), 0)
				from inbound_event
				where instagram_account_id in (:instagram) and event_time >= :from and event_time < :to
				group by instagram_account_id, %1$s""".formatted(slotOf("event_time")));
		add(slots, null, 3, parameters, """
				select account_id, %s as slot,
				       coalesce(sum(case when status in ('sent', 'read') then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'read' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0),
				       coalesce(sum(case when status in ('pending', 'sending') then 1 else 0 end), 0),
				       coalesce(sum(case when source = 'auto_reply' then 1 else 0 end), 0)
				from outbound_message
				where account_id in (:accounts) and created_at >= :from and created_at < :to
				group by account_id, %1$s""".formatted(slotOf("created_at")));
		add(slots, null, 8, parameters, """
				select account_id, %s as slot,
				       coalesce(sum(case when status = 'delivered' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'pending' then 1 else 0 end), 0)
				from crm_delivery
				where account_id in (:accounts) and created_at >= :from and created_at < :to
				group by account_id, %1$s""".formatted(slotOf("created_at")));
		Map<String, Map<Long, Tally>> tallies = new HashMap<>();
		slots.forEach((account, ofAccount) -> {
			Map<Long, Tally> bySlot = new TreeMap<>();
			ofAccount.forEach((slot, counts) -> bySlot.put(slot, Tally.of(counts)));
			tallies.put(account, bySlot);
		});
		return tallies;
	}

	/** The counts over [from, to), which need not start or end on a slot. */
	Tally between(String accountId, String instagramAccountId, Instant from, Instant to) {
		return between(List.of(new AccountActivity.AccountIds(accountId, instagramAccountId)), from, to)
			.getOrDefault(accountId, Tally.NONE);
	}

	/** Each account's counts over [from, to), by account id (absent: none). */
	Map<String, Tally> between(List<AccountActivity.AccountIds> accounts, Instant from, Instant to) {
		Map<String, Tally> sums = new HashMap<>();
		if (from.isBefore(to) && !accounts.isEmpty()) {
			bySlot(accounts, from, to).forEach((account, slots) -> {
				for (Tally slot : slots.values()) {
					sums.merge(account, slot, Tally::plus);
				}
			});
		}
		return sums;
	}

	private void add(Map<String, Map<Long, long[]>> slots, Map<String, String> byInstagramId, int offset,
			Map<String, Object> parameters, String sql) {
		jdbc.sql(sql).params(parameters).query(row -> {
			String account = byInstagramId == null ? row.getString(1) : byInstagramId.get(row.getString(1));
			long[] counts = slots.computeIfAbsent(account, key -> new TreeMap<>())
				.computeIfAbsent(row.getLong(2), slot -> new long[11]);
			int columns = row.getMetaData().getColumnCount();
			for (int i = 3; i <= columns; i++) {
				counts[offset + i - 3] = row.getLong(i);
			}
		});
	}

}
