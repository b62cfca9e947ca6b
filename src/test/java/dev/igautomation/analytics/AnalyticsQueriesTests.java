package dev.igautomation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;

/**
 * The analytics queries over two days of one account, on each database: the period's report, its days, the
 * accounts' overview and the CSV export count the same rows the same way.
 */
@Transactional
abstract class AnalyticsQueriesTests {

	static final Instant DAY_ONE = Instant.parse("2026-06-10T00:00:00Z");

	static final Instant DAY_THREE = DAY_ONE.plusSeconds(2 * 86_400);

	@Autowired
	AccountAnalytics analytics;

	@Autowired
	DailyAnalytics daily;

	@Autowired
	AccountActivity activity;

	@Autowired
	MessageExport export;

	@Autowired
	JdbcClient jdbc;

	Rows.TestAccount account;

	final String ana = Dms.newUser();

	final String ben = Dms.newUser();

	@BeforeEach
	void twoDays() {
		Rows rows = new Rows(jdbc);
		account = rows.account(DAY_ONE);
		Instant dayTwo = DAY_ONE.plusSeconds(86_400);
		rows.event(account, ana, "message", "inbound", "hello", DAY_ONE.plusSeconds(36_000));
		rows.event(account, ana, "echo", "outbound", "hi Ana", DAY_ONE.plusSeconds(36_030));
		rows.event(account, ben, "message", "inbound", "anyone?", DAY_ONE.plusSeconds(39_600));
		rows.event(account, ana, "message", "inbound", "price?", dayTwo.plusSeconds(32_400));
		rows.event(account, ana, "echo", "outbound", "9 euros", dayTwo.plusSeconds(32_460));
		rows.event(account, ana, "reaction", "inbound", null, dayTwo.plusSeconds(32_500));
		rows.event(account, ana, "message", "inbound", "after the period", DAY_THREE);
		rows.outbound(account, ana, "sent", "auto_reply", "rul_welcome", DAY_ONE.plusSeconds(36_030));
		rows.outbound(account, ben, "failed", "api", null, DAY_ONE.plusSeconds(40_000));
		rows.delivery(account, "event:1", "message.received", "delivered", DAY_ONE.plusSeconds(36_000));
		rows.delivery(account, "event:2", "message.received", "failed", dayTwo.plusSeconds(32_400));
	}

	@Test
	void thePeriodsReportCountsEachKindOnce() {
		AccountAnalytics.Report report = analytics.of(account.id(), account.instagramAccountId(), DAY_ONE, DAY_THREE);

		assertThat(report.messages()).isEqualTo(new AccountAnalytics.Messages(3, 2, 2, 0));
		assertThat(report.sends()).isEqualTo(new AccountAnalytics.Sends(1, 0, 1, 0, 1));
		assertThat(report.repliesPerRule()).containsExactly(new AccountAnalytics.RuleReplies("rul_welcome", null, 1));
		assertThat(report.crmDeliveries()).isEqualTo(new AccountAnalytics.Deliveries(1, 1, 0));
		assertThat(report.firstReply().answered()).isEqualTo(2);
		assertThat(report.firstReply().medianSeconds()).isBetween(30.0, 60.0);
	}

	@Test
	void eachDayHasItsOwnFiguresAndTheSameTotals() {
		DailyAnalytics.Daily result = daily.report(account.id(), account.instagramAccountId(), DAY_ONE, DAY_THREE,
				ZoneOffset.UTC);

		List<DailyAnalytics.Day> days = result.days();
		assertThat(days).extracting(DailyAnalytics.Day::date)
			.containsExactly(LocalDate.parse("2026-06-10"), LocalDate.parse("2026-06-11"));
		DailyAnalytics.Day first = days.get(0);
		assertThat(first.received()).isEqualTo(2);
		assertThat(first.sent()).isEqualTo(1);
		assertThat(first.autoReplies()).isEqualTo(1);
		assertThat(first.sendsFailed()).isEqualTo(1);
		assertThat(first.deliveriesDelivered()).isEqualTo(1);
		assertThat(first.answered()).isEqualTo(1);
		assertThat(first.firstReplyMedianSeconds()).isEqualTo(30.0);
		DailyAnalytics.Day second = days.get(1);
		assertThat(second.received()).isEqualTo(1);
		assertThat(second.deliveriesFailed()).isEqualTo(1);
		assertThat(second.firstReplyMedianSeconds()).isEqualTo(60.0);
		assertThat(result.report().messages().received()).isEqualTo(3);
		assertThat(result.report().firstReply().answered()).isEqualTo(2);
	}

	@Test
	void theOverviewAndTheExportAgree() {
		AccountActivity.Activity overview = activity
			.between(List.of(new AccountActivity.AccountIds(account.id(), account.instagramAccountId())), DAY_ONE,
					DAY_THREE)
			.get(account.id());
		assertThat(overview).isEqualTo(new AccountActivity.Activity(3, 2, 1, 1, 1, DAY_THREE));

		StringWriter csv = new StringWriter();
		export.write(account.instagramAccountId(), DAY_ONE, DAY_THREE, csv);
		List<String> lines = csv.toString().lines().toList();
		assertThat(lines).hasSize(6);
		assertThat(lines.get(1)).startsWith("2026-06-10T10:00:00Z,inbound,message," + ana + ",hello,");
		assertThat(lines.get(5)).contains(",outbound,echo," + ana + ",9 euros,");
	}

}
