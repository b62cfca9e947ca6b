package dev.igautomation.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one account over a period, each from one query that an index serves: events by
 * (instagram_account_id, event_time), sends by (account_id, created_at), deliveries by (account_id, created_at), and
 * each conversation's replies by (instagram_account_id, user_id, event_time). Read-only over the other features'
 * tables, by design: analytics reads everything and owns nothing.
 */
@Component
public class AccountAnalytics {

	/** The longest period asked at once: a year and a month. */
	public static final Duration LONGEST_PERIOD = Duration.ofDays(400);

	/** How long after the period a reply still counts as the answer to a message in it. */
	static final Duration ANSWER_WINDOW = Duration.ofDays(7);

	private final JdbcClient jdbc;

	AccountAnalytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code recovered}: messages no webhook delivered, read later from the Conversations API. */
	public record Messages(long received, long sent, long uniqueUsers, long recovered) {
	}

	public record Sends(long sent, long read, long failed, long pending, long autoReplies) {
	}

	public record RuleReplies(String ruleId, String name, long replies) {
	}

	public record Deliveries(long delivered, long failed, long pending) {
	}

	/** Seconds from a user's message to the account's next message to them; null when nothing was answered. */
	public record FirstReply(long answered, @Nullable Double medianSeconds, @Nullable Double p90Seconds) {
	}

	public record Report(Messages messages, Sends sends, List<RuleReplies> repliesPerRule, Deliveries crmDeliveries,
			FirstReply firstReply) {
	}

	@Transactional(readOnly = true)
	public Report of(String accountId, String instagramAccountId, Instant from, Instant to) {
		return of(accountId, instagramAccountId, from, to, firstReply(instagramAccountId, from, to));
	}

	/** The report, with the first-reply figures computed by the caller (by the same turns: {@link #firstReplyWaits}). */
	Report of(String accountId, String instagramAccountId, Instant from, Instant to, FirstReply firstReply) {
		return new Report(messages(instagramAccountId, from, to), sends(accountId, from, to),
				repliesPerRule(accountId, from, to), deliveries(accountId, from, to), firstReply);
	}

	private Messages messages(String instagramAccountId, Instant from, Instant to) {
		return jdbc.sql("""
				select coalesce(sum(case when direction = 'inbound' and kind = 'message' then 1 else 0 end), 0) as received,
				       coalesce(sum(case when kind = 'echo' then 1 else 0 end), 0) as sent,
				       count(distinct case when direction = 'inbound' and kind = 'message' then user_id end) as users,
				       coalesce(sum(case when source = 'recovered' then 1 else 0 end), 0) as recovered
				from inbound_event
				where instagram_account_id = ? and event_time >= ? and event_time < ?""")
			.params(instagramAccountId, DatabaseTime.of(from), DatabaseTime.of(to))
			.query((row, number) -> new Messages(row.getLong("received"), row.getLong("sent"), row.getLong("users"),
					row.getLong("recovered")))
			.single();
	}

	private Sends sends(String accountId, Instant from, Instant to) {
		return jdbc.sql("""
				select coalesce(sum(case when status in ('sent', 'read') then 1 else 0 end), 0) as sent,
				       coalesce(sum(case when status = 'read' then 1 else 0 end), 0) as read_count,
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failed,
				       coalesce(sum(case when status in ('pending', 'sending') then 1 else 0 end), 0) as pending,
				       coalesce(sum(case when source = 'auto_reply' then 1 else 0 end), 0) as auto_replies
				from outbound_message
				where account_id = ? and created_at >= ? and created_at < ?""")
			.params(accountId, DatabaseTime.of(from), DatabaseTime.of(to))
			.query((row, number) -> new Sends(row.getLong("sent"), row.getLong("read_count"), row.getLong("failed"),
					row.getLong("pending"), row.getLong("auto_replies")))
			.single();
	}

	private List<RuleReplies> repliesPerRule(String accountId, Instant from, Instant to) {
		return jdbc.sql("""
				select o.rule_id, r.name, count(*) as replies
				from outbound_message o left join auto_reply_rule r on r.id = o.rule_id
				where o.account_id = ? and o.created_at >= ? and o.created_at < ? and o.rule_id is not null
				group by o.rule_id, r.name
				order by replies desc, o.rule_id""")
			.params(accountId, DatabaseTime.of(from), DatabaseTime.of(to))
			.query((row, number) -> new RuleReplies(row.getString("rule_id"), row.getString("name"),
					row.getLong("replies")))
			.list();
	}

	private Deliveries deliveries(String accountId, Instant from, Instant to) {
		return jdbc.sql("""
				select coalesce(sum(case when status = 'delivered' then 1 else 0 end), 0) as delivered,
				       coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failed,
				       coalesce(sum(case when status = 'pending' then 1 else 0 end), 0) as pending
				from crm_delivery
				where account_id = ? and created_at >= ? and created_at < ?""")
			.params(accountId, DatabaseTime.of(from), DatabaseTime.of(to))
			.query((row, number) -> new Deliveries(row.getLong("delivered"), row.getLong("failed"),
					row.getLong("pending")))
			.single();
	}

	/**
	 * A user's message that follows one of the account's (or opens the conversation in the period) starts a turn; the
	 * turn's reply time runs to the account's next message to that user, from this service or the Instagram app (its
	 * echo), within a week after the period. One pass over the period's messages, in one sort: each line carries the
	 * direction of the line before it and the time of the next echo after it. {@code waits} has each turn's
	 * {@code seconds}, and its {@code local_day} by {@code dayOfTurn} (an SQL expression of its {@code event_time}).
	 * Named parameters: {@code instagram}, {@code from}, {@code to}, {@code answeredBy}, and those of the expression.
	 */
	static String firstReplyWaits(String dayOfTurn) {
		return """
				with lines as (
				    select event_time, direction,
				           lag(direction) over (partition by user_id order by event_time, id) as previous,
				           min(case when kind = 'echo' then event_time end) over (partition by user_id
				               order by event_time, id rows between current row and unbounded following) as answered_at
				    from inbound_event
				    where instagram_account_id = :instagram and event_time >= :from and event_time < :answeredBy
				      and kind in ('message', 'echo')
				),
				waits as (
				    select %s as local_day, extract(epoch from answered_at) - extract(epoch from event_time) as seconds
				    from lines
				    where direction = 'inbound' and event_time < :to and (previous is null or previous = 'outbound')
				      and answered_at is not null
				)
				""".formatted(dayOfTurn);
	}

	private FirstReply firstReply(String instagramAccountId, Instant from, Instant to) {
		return jdbc.sql(firstReplyWaits("null") + """
				select count(*) as answered,
				       percentile_cont(0.5) within group (order by seconds) as median_seconds,
				       percentile_cont(0.9) within group (order by seconds) as p90_seconds
				from waits""")
			.param("instagram", instagramAccountId)
			.param("from", DatabaseTime.of(from))
			.param("to", DatabaseTime.of(to))
			.param("answeredBy", DatabaseTime.of(to.plus(ANSWER_WINDOW)))
			.query((row, number) -> new FirstReply(row.getLong("answered"), seconds(row.getObject("median_seconds")),
					seconds(row.getObject("p90_seconds"))))
			.single();
	}

	static Double seconds(Object value) {
		if (value == null) {
			return null;
		}
		double seconds = value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
		return Math.round(seconds * 1000) / 1000.0;
	}

}
