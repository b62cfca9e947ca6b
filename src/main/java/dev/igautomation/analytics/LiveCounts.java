package dev.igautomation.analytics;

import java.time.Instant;
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
		Map<Long, long[]> slots = new TreeMap<>();
		Map<String, Object> parameters = Map.of("account", accountId, "instagram", instagramAccountId, "from",
				DatabaseTime.of(from), "to", DatabaseTime.of(to));
		add(slots, 0, parameters, """
				select %s as slot,
				       coalesce(sum(case when direction = 'inbound' and kind = 'message' then 1 else 0 end), 0),
				       coalesce(sum(case when kind = 'echo' then 1 else 0 end), 0),
				       coalesce(sum(case when source = 'recovered' then 1 else 0 end), 0)
				from inbound_event
				where instagram_account_id = :instagram and event_time >= :from and event_time < :to
				group by %1$s""".formatted(slotOf("event_time")));
		add(slots, 3, parameters, """
				select %s as slot,
				       coalesce(sum(case when status in ('sent', 'read') then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'read' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0),
				       coalesce(sum(case when status in ('pending', 'sending') then 1 else 0 end), 0),
				       coalesce(sum(case when source = 'auto_reply' then 1 else 0 end), 0)
				from outbound_message
				where account_id = :account and created_at >= :from and created_at < :to
				group by %1$s""".formatted(slotOf("created_at")));
		add(slots, 8, parameters, """
				select %s as slot,
				       coalesce(sum(case when status = 'delivered' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0),
				       coalesce(sum(case when status = 'pending' then 1 else 0 end), 0)
				from crm_delivery
				where account_id = :account and created_at >= :from and created_at < :to
				group by %1$s""".formatted(slotOf("created_at")));
		Map<Long, Tally> tallies = new TreeMap<>();
		slots.forEach((slot, counts) -> tallies.put(slot, Tally.of(counts)));
		return tallies;
	}

	/** The counts over [from, to), which need not start or end on a slot. */
	Tally between(String accountId, String instagramAccountId, Instant from, Instant to) {
		Tally sum = Tally.NONE;
		if (from.isBefore(to)) {
			for (Tally slot : bySlot(accountId, instagramAccountId, from, to).values()) {
				sum = sum.plus(slot);
			}
		}
		return sum;
	}

	private void add(Map<Long, long[]> slots, int offset, Map<String, Object> parameters, String sql) {
		jdbc.sql(sql).params(parameters).query(row -> {
			long[] counts = slots.computeIfAbsent(row.getLong(1), slot -> new long[11]);
			int columns = row.getMetaData().getColumnCount();
			for (int i = 2; i <= columns; i++) {
				counts[offset + i - 2] = row.getLong(i);
			}
		});
	}

}
