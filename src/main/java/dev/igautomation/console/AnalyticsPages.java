package dev.igautomation.console;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.analytics.AccountAnalytics;
import dev.igautomation.analytics.Csv;
import dev.igautomation.analytics.DailyAnalytics;
import dev.igautomation.analytics.MessageExport;
import dev.igautomation.operator.Operator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account's analytics over whole days in the browser's time zone: the figures of the analytics API for the same
 * period (one service computes both), charts of them day by day, and CSV exports that stream as they are written.
 */
@Controller
class AnalyticsPages {

	private final Accounts accounts;

	private final DailyAnalytics daily;

	private final MessageExport messages;

	private final ConsoleTimes times;

	private final JsonMapper json;

	private final Clock clock;

	AnalyticsPages(Accounts accounts, DailyAnalytics daily, MessageExport messages, ConsoleTimes times,
			JsonMapper json, Clock clock) {
		this.accounts = accounts;
		this.daily = daily;
		this.messages = messages;
		this.times = times;
		this.json = json;
		this.clock = clock;
	}

	/** Whole days, {@code from} to {@code to} included, in a zone; the instants bound [start, end). */
	record Period(LocalDate from, LocalDate to, ZoneId zone, Instant start, Instant end, int presetDays) {

		static Period of(LocalDate from, LocalDate to, Integer days, ZoneId zone, Clock clock) {
			LocalDate today = LocalDate.now(clock.withZone(zone));
			int preset = days == null || (days != 7 && days != 30 && days != 90) ? 30 : days;
			LocalDate last = to != null ? to : today;
			LocalDate first = from != null ? from : last.minusDays(preset - 1L);
			if (first.isAfter(last)) {
				first = last;
			}
			if (Duration.between(first.atStartOfDay(zone), last.plusDays(1).atStartOfDay(zone))
				.compareTo(AccountAnalytics.LONGEST_PERIOD) > 0) {
				first = last.minusDays(AccountAnalytics.LONGEST_PERIOD.toDays() - 1);
			}
			return new Period(first, last, zone, first.atStartOfDay(zone).toInstant(),
					last.plusDays(1).atStartOfDay(zone).toInstant(), from == null && to == null ? preset : 0);
		}

	}

	@GetMapping("/accounts/{accountId}/analytics")
	String analytics(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer days, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		Period period = Period.of(from, to, days, times.zone(), clock);
		DailyAnalytics.Daily figures = daily.report(account.id(), account.instagramAccountId(), period.start(),
				period.end(), period.zone());
		AccountAnalytics.Report report = figures.report();
		List<DailyAnalytics.Day> series = figures.days();
		model.addAttribute("account", account);
		model.addAttribute("period", period);
		model.addAttribute("report", report);
		model.addAttribute("days", series);
		model.addAttribute("chartData", json.writeValueAsString(ChartData.of(series, report)));
		return "analytics/analytics";
	}

	@GetMapping("/accounts/{accountId}/analytics/daily.csv")
	void dailyCsv(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer days, HttpServletResponse response) throws IOException {
		AccountDetails account = accounts.get(me, accountId);
		Period period = Period.of(from, to, days, times.zone(), clock);
		Writer out = csv(response, "analytics-" + account.username() + "-" + period.from() + "-" + period.to());
		out.write(Csv.line("date", "messages_in", "messages_out", "auto_replies", "sends_sent", "sends_failed",
				"crm_delivered", "crm_failed", "first_replies", "first_reply_median_seconds",
				"first_reply_p90_seconds"));
		for (DailyAnalytics.Day day : daily.days(account.id(), account.instagramAccountId(), period.start(),
				period.end(), period.zone())) {
			out.write(Csv.line(day.date(), day.received(), day.sent(), day.autoReplies(), day.sendsSent(),
					day.sendsFailed(), day.deliveriesDelivered(), day.deliveriesFailed(), day.answered(),
					day.firstReplyMedianSeconds(), day.firstReplyP90Seconds()));
		}
		out.flush();
	}

	@GetMapping("/accounts/{accountId}/analytics/messages.csv")
	void messagesCsv(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer days, HttpServletResponse response) throws IOException {
		AccountDetails account = accounts.get(me, accountId);
		Period period = Period.of(from, to, days, times.zone(), clock);
		messages.write(account.instagramAccountId(), period.start(), period.end(),
				csv(response, "messages-" + account.username() + "-" + period.from() + "-" + period.to()));
	}

	private static Writer csv(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
	}

}
