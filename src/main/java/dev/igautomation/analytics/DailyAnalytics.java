package dev.igautomation.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same figures as {@link AccountAnalytics}, day by day in a time zone, for charts and exports: over the same
 * period they add up to its totals, by the same rules (messages and replies by the events' own times, sends and
 * deliveries by when they were made). Each series is one query over the index its total uses, grouped by the local
 * date; {@code to_char(t at time zone z, 'YYYY-MM-DD')} gives that date the same way on PostgreSQL and H2.
 */
@Component
public class DailyAnalytics {

	private static final String DAY = "to_char(%s at time zone :zone, 'YYYY-MM-DD')";

	private static final String PERIOD = "period";

	private final JdbcClient jdbc;

	private final AccountAnalytics analytics;

	DailyAnalytics(JdbcClient jdbc, AccountAnalytics analytics) {
		this.jdbc = jdbc;
		this.analytics = analytics;
	}

	/** The period's report (as {@link AccountAnalytics#of}) and its days, the first-reply times of both in one pass. */
	public record Daily(AccountAnalytics.Report report, List<Day> days) {
	}

	@Transactional(readOnly = true)
	public Daily report(String accountId, String instagramAccountId, Instant from, Instant to, ZoneId zone) {
		Map<String, Object[]> replies = new HashMap<>();
		List<Day> days = days(accountId, instagramAccountId, from, to, zone, replies);
		Object[] period = replies.getOrDefault(PERIOD, new Object[] { 0L, null, null });
		return new Daily(analytics.of(accountId, instagramAccountId, from, to,
				new AccountAnalytics.FirstReply((Long) period[0], (Double) period[1], (Double) period[2])), days);
	}

	/** One day's figures; the first-reply times are null when nothing was answered that day. */
	public record Day(LocalDate date, long received, long sent, long autoReplies, long sendsSent, long sendsFailed,
			long deliveriesDelivered, long deliveriesFailed, long answered, Double firstReplyMedianSeconds,
			Double firstReplyP90Seconds) {
	}

	/** Every day of the period in {@code zone}, oldest first, days without activity included. */
	@Transactional(readOnly = true)
	public List<Day> days(String accountId, String instagramAccountId, Instant from, Instant to, ZoneId zone) {
		return days(accountId, instagramAccountId, from, to, zone, new HashMap<>());
	}

	private List<Day> days(String accountId, String instagramAccountId, Instant from, Instant to, ZoneId zone,
			Map<String, Object[]> replies) {
		Map<String, Object> parameters = Map.of("account", accountId, "instagram", instagramAccountId, "from",
				DatabaseTime.of(from), "to", DatabaseTime.of(to), "answeredBy",
				DatabaseTime.of(to.plus(AccountAnalytics.ANSWER_WINDOW)), "zone", zone.getId());
		Map<String, long[]> counts = new HashMap<>();
		query("""
				select %s as local_day,
				       case when direction = 'inbound' and kind = 'message' then 1 else 0 end as received,
				       case when kind = 'echo' then 1 else 0 end as sent
				from inbound_event
				where instagram_account_id = :instagram and event_time >= :from and event_time < :to"""
			.formatted(DAY.formatted("event_time")), "received, sent", parameters, counts, 0);
		query("""
				select %s as local_day,
				       case when source = 'auto_reply' then 1 else 0 end as auto_replies,
				       case when status in ('sent', 'read') then 1 else 0 end as sent,
				       case when status = 'failed' then 1 else 0 end as failed
				from outbound_message
				where account_id = :account and created_at >= :from and created_at < :to"""
			.formatted(DAY.formatted("created_at")), "auto_replies, sent, failed", parameters, counts, 2);
		query("""
				select %s as local_day,
				       case when status = 'delivered' then 1 else 0 end as delivered,
				       case when status = 'failed' then 1 else 0 end as failed
				from crm_delivery
				where account_id = :account and created_at >= :from and created_at < :to"""
			.formatted(DAY.formatted("created_at")), "delivered, failed", parameters, counts, 5);
		replies.putAll(firstReplies(parameters));
		List<Day> days = new ArrayList<>();
		LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
		for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			long[] day = counts.getOrDefault(date.toString(), new long[7]);
			Object[] reply = replies.getOrDefault(date.toString(), new Object[] { 0L, null, null });
			days.add(new Day(date, day[0], day[1], day[2], day[3], day[4], day[5], day[6], (Long) reply[0],
					(Double) reply[1], (Double) reply[2]));
		}
		return days;
	}

	/** Sums {@code columns} per day into {@code counts}, from position {@code offset} of each day's figures. */
	private void query(String rows, String columns, Map<String, Object> parameters, Map<String, long[]> counts,
			int offset) {
		String[] names = columns.split(",\\s*");
		StringBuilder sums = new StringBuilder();
		for (String name : names) {
			sums.append(", coalesce(sum(").append(name).append("), 0) as ").append(name);
		}
		jdbc.sql("select local_day" + sums + " from (" + rows + ") as rows_by_day group by local_day")
			.params(parameters)
			.query(result -> {
				long[] day = counts.computeIfAbsent(result.getString("local_day"), key -> new long[7]);
				for (int i = 0; i < names.length; i++) {
					day[offset + i] += result.getLong(names[i]);
				}
			});
	}

	/**
	 * The first-reply times of {@link AccountAnalytics} (the same turns), by the local date of the user's message, and
	 * of the whole period under {@link #PERIOD}: one query, whose turns PostgreSQL works out once for both.
	 */
	private Map<String, Object[]> firstReplies(Map<String, Object> parameters) {
		Map<String, Object[]> byDay = new HashMap<>();
		jdbc.sql(AccountAnalytics.firstReplyWaits(DAY.formatted("event_time")) + """
				select local_day, count(*) as answered,
				       percentile_cont(0.5) within group (order by seconds) as median_seconds,
				       percentile_cont(0.9) within group (order by seconds) as p90_seconds
				from waits
				group by local_day
				union all
				select cast(null as varchar(10)), count(*),
				       percentile_cont(0.5) within group (order by seconds),
				       percentile_cont(0.9) within group (order by seconds)
				from waits""")
			.params(parameters)
			.query(result -> {
				String day = result.getString("local_day");
				byDay.put(day == null ? PERIOD : day, new Object[] { result.getLong("answered"),
						AccountAnalytics.seconds(result.getObject("median_seconds")),
						AccountAnalytics.seconds(result.getObject("p90_seconds")) });
			});
		return byDay;
	}

}
