package dev.igautomation.console;

import java.util.List;

import dev.igautomation.analytics.AccountAnalytics;
import dev.igautomation.analytics.DailyAnalytics;

/**
 * What the analytics charts draw, as the columns uPlot takes: the days (as epoch seconds of their noon, so labels
 * never slip to a neighbouring day), one array per series, and the replies per rule as categories.
 */
record ChartData(List<String> dates, List<Long> received, List<Long> sent, List<Long> sendsSent,
		List<Long> sendsFailed, List<Long> delivered, List<Long> deliveryFailed, List<Double> medianMinutes,
		List<Double> p90Minutes, List<String> rules, List<Long> ruleReplies) {

	static ChartData of(List<DailyAnalytics.Day> days, AccountAnalytics.Report report) {
		return new ChartData(days.stream().map(day -> day.date().toString()).toList(),
				days.stream().map(DailyAnalytics.Day::received).toList(),
				days.stream().map(DailyAnalytics.Day::sent).toList(),
				days.stream().map(DailyAnalytics.Day::sendsSent).toList(),
				days.stream().map(DailyAnalytics.Day::sendsFailed).toList(),
				days.stream().map(DailyAnalytics.Day::deliveriesDelivered).toList(),
				days.stream().map(DailyAnalytics.Day::deliveriesFailed).toList(),
				days.stream().map(day -> minutes(day.firstReplyMedianSeconds())).toList(),
				days.stream().map(day -> minutes(day.firstReplyP90Seconds())).toList(),
				report.repliesPerRule().stream()
					.map(rule -> rule.name() != null ? rule.name() : "(deleted rule)")
					.toList(),
				report.repliesPerRule().stream().map(AccountAnalytics.RuleReplies::replies).toList());
	}

	private static Double minutes(Double seconds) {
		return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
	}

}
