package dev.igautomation.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same figures as {@link AccountAnalytics}, day by day in a time zone, for charts and exports: over the same
 * period they add up to its totals, by the same rules (messages and replies by the events' own times, sends and
 * deliveries by when they were made). Each day is the sum of the rollup's 15-minute slots between its two midnights
 * (a zone's midnight falls on a slot; where it would not, the cut slot is counted from the stored rows), and each
 * turn's wait counts on the local date it started.
 */
@Component
public class DailyAnalytics {

	private final AnalyticsRollup rollup;

	private final RollupReads reads;

	private final ReplyTimes replyTimes;

	private final AccountAnalytics analytics;

	DailyAnalytics(AnalyticsRollup rollup, RollupReads reads, ReplyTimes replyTimes, AccountAnalytics analytics) {
		this.rollup = rollup;
		this.reads = reads;
		this.replyTimes = replyTimes;
		this.analytics = analytics;
	}

	/** The period's report (as {@link AccountAnalytics#of}) and its days, from one read of the rollup. */
	public record Daily(AccountAnalytics.Report report, List<Day> days) {
	}

	/** One day's figures; the first-reply times are null when nothing was answered that day. */
	public record Day(LocalDate date, long received, long sent, long autoReplies, long sendsSent, long sendsFailed,
			long deliveriesDelivered, long deliveriesFailed, long answered, Double firstReplyMedianSeconds,
			Double firstReplyP90Seconds) {
	}

	@Transactional
	public Daily report(String accountId, String instagramAccountId, Instant from, Instant to, ZoneId zone) {
		rollup.refresh(accountId, instagramAccountId);
		List<LocalDate> dates = dates(from, to, zone);
		List<Instant> bounds = new ArrayList<>();
		for (LocalDate date : dates) {
			Instant start = date.atStartOfDay(zone).toInstant();
			bounds.add(start.isBefore(from) ? from : start);
		}
		bounds.add(to);
		List<Tally> tallies = reads.tallies(accountId, instagramAccountId, bounds);
		Map<LocalDate, List<Double>> waitsByDay = new HashMap<>();
		List<ReplyTimes.Turn> turns = replyTimes.answered(accountId, from, to);
		double[] periodWaits = new double[turns.size()];
		for (int i = 0; i < turns.size(); i++) {
			ReplyTimes.Turn turn = turns.get(i);
			periodWaits[i] = turn.seconds();
			waitsByDay.computeIfAbsent(turn.startedAt().atZone(zone).toLocalDate(), day -> new ArrayList<>())
				.add(turn.seconds());
		}
		List<Day> days = new ArrayList<>();
		Tally period = Tally.NONE;
		for (int i = 0; i < dates.size(); i++) {
			Tally day = tallies.get(i);
			period = period.plus(day);
			AccountAnalytics.FirstReply replies = ReplyTimes.of(waitsByDay.getOrDefault(dates.get(i), List.of())
				.stream()
				.mapToDouble(Double::doubleValue)
				.toArray());
			days.add(new Day(dates.get(i), day.received(), day.echoes(), day.autoReplies(), day.sendsSent(),
					day.sendsFailed(), day.delivered(), day.deliveryFailed(), replies.answered(), replies.medianSeconds(),
					replies.p90Seconds()));
		}
		return new Daily(analytics.of(accountId, instagramAccountId, from, to, period, ReplyTimes.of(periodWaits)),
				days);
	}

	/** Every day of the period in {@code zone}, oldest first, days without activity included. */
	@Transactional
	public List<Day> days(String accountId, String instagramAccountId, Instant from, Instant to, ZoneId zone) {
		return report(accountId, instagramAccountId, from, to, zone).days();
	}

	private static List<LocalDate> dates(Instant from, Instant to, ZoneId zone) {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
		for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			dates.add(date);
		}
		return dates;
	}

}
