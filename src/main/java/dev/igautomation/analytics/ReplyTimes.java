package dev.igautomation.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * First-reply times from the stored turns ({@code reply_turn}, see {@link AnalyticsRollup}): the turns that start in
 * a period and were answered within {@link AccountAnalytics#ANSWER_WINDOW} after it. Why each turn's wait rather
 * than a histogram: the median and p90 must be exact, and a turn is one narrow row read by the (account, time) index —
 * a 90-day page of a busy account reads tens of thousands of them in a few milliseconds. The percentiles are worked
 * out here as PostgreSQL's {@code percentile_cont} does (linear between the two nearest waits).
 */
@Component
class ReplyTimes {

	private final JdbcClient jdbc;

	ReplyTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A turn's start and its wait, in seconds. */
	record Turn(Instant startedAt, double seconds) {
	}

	/** Epoch seconds as numbers rather than timestamps: tens of thousands of them read several times faster. */
	List<Turn> answered(String accountId, Instant from, Instant to) {
		return jdbc.sql("""
				select extract(epoch from started_at) as started,
				       extract(epoch from answered_at) - extract(epoch from started_at) as seconds
				from reply_turn
				where account_id = ? and started_at >= ? and started_at < ? and answered_at < ?""")
			.params(accountId, DatabaseTime.of(from), DatabaseTime.of(to),
					DatabaseTime.of(to.plus(AccountAnalytics.ANSWER_WINDOW)))
			.query((row, number) -> {
				BigDecimal started = row.getBigDecimal("started");
				long seconds = started.longValue();
				int nanos = started.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
				return new Turn(Instant.ofEpochSecond(seconds, nanos), row.getBigDecimal("seconds").doubleValue());
			})
			.list();
	}

	static AccountAnalytics.FirstReply of(double[] seconds) {
		if (seconds.length == 0) {
			return new AccountAnalytics.FirstReply(0, null, null);
		}
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		return new AccountAnalytics.FirstReply(sorted.length, AccountAnalytics.seconds(percentile(sorted, 0.5)),
				AccountAnalytics.seconds(percentile(sorted, 0.9)));
	}

	/** {@code percentile_cont}: the value at position p * (n - 1), between the two values around it. */
	static double percentile(double[] sorted, double p) {
		double position = p * (sorted.length - 1);
		int first = (int) Math.floor(position);
		int second = (int) Math.ceil(position);
		if (first == second) {
			return sorted[first];
		}
		return sorted[first] + (position - first) * (sorted[second] - sorted[first]);
	}

}
