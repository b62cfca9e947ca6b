package dev.igautomation.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one account over a period, read from its {@link AnalyticsRollup rollup}, brought up to date first:
 * counts per 15-minute slot, the people who wrote per slot, auto-replies per rule and slot, and each conversation's
 * turns; the parts of slots that a period's ends cut are counted from the stored rows. Analytics reads the other
 * features' tables and owns only its rollup.
 */
@Component
public class AccountAnalytics {

	/** The longest period asked at once: a year and a month. */
	public static final Duration LONGEST_PERIOD = Duration.ofDays(400);

	/** How long after the period a reply still counts as the answer to a message in it. */
	static final Duration ANSWER_WINDOW = Duration.ofDays(7);

	private final AnalyticsRollup rollup;

	private final RollupReads reads;

	private final ReplyTimes replyTimes;

	AccountAnalytics(AnalyticsRollup rollup, RollupReads reads, ReplyTimes replyTimes) {
		this.rollup = rollup;
		this.reads = reads;
		this.replyTimes = replyTimes;
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

	@Transactional
	public Report of(String accountId, String instagramAccountId, Instant from, Instant to) {
		rollup.refresh(accountId, instagramAccountId);
		double[] waits = replyTimes.answered(accountId, from, to).stream().mapToDouble(ReplyTimes.Turn::seconds)
			.toArray();
		return of(accountId, instagramAccountId, from, to, reads.tallies(accountId, instagramAccountId,
				List.of(from, to)).get(0), ReplyTimes.of(waits));
	}

	/** The report of a refreshed rollup, with the period's counts and first-reply times worked out by the caller. */
	Report of(String accountId, String instagramAccountId, Instant from, Instant to, Tally tally,
			FirstReply firstReply) {
		return new Report(
				new Messages(tally.received(), tally.echoes(), reads.users(accountId, instagramAccountId, from, to),
						tally.recovered()),
				new Sends(tally.sendsSent(), tally.sendsRead(), tally.sendsFailed(), tally.sendsPending(),
						tally.autoReplies()),
				reads.repliesPerRule(accountId, from, to),
				new Deliveries(tally.delivered(), tally.deliveryFailed(), tally.deliveryPending()), firstReply);
	}

	static Double seconds(Object value) {
		if (value == null) {
			return null;
		}
		double seconds = value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
		return Math.round(seconds * 1000) / 1000.0;
	}

}
