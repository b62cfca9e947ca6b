package dev.igautomation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import dev.igautomation.privacy.UserDataDeletion;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;
import dev.igautomation.system.DatabaseTime;

/**
 * The rollup stays exact as rows arrive late, change or go, and periods and zones that cut its slots read the same
 * figures as the rows themselves: each test reads once (which builds the rollup), changes the rows, and reads again.
 */
@Transactional
abstract class AnalyticsRollupTests {

	static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");

	static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));

	@Autowired
	AccountAnalytics analytics;

	@Autowired
	DailyAnalytics daily;

	@Autowired
	AccountActivity activity;

	@Autowired
	RollupResets resets;

	@Autowired
	JdbcClient jdbc;

	Rows rows;

	Rows.TestAccount account;

	final String ana = Dms.newUser();

	final String ben = Dms.newUser();

	@BeforeEach
	void account() {
		rows = new Rows(jdbc);
		account = rows.account(DAY);
	}

	AccountAnalytics.Report report(Instant from, Instant to) {
		return analytics.of(account.id(), account.instagramAccountId(), from, to);
	}

	@Test
	void aLateEventCountsOnItsOwnDay() {
		rows.event(account, ana, "message", "inbound", "hello", DAY.plusSeconds(36_000));
		assertThat(report(DAY, NEXT_DAY).messages()).isEqualTo(new AccountAnalytics.Messages(1, 0, 1, 0));

		rows.event(account, ben, "message", "inbound", "imported", DAY.plusSeconds(10_800), Instant.now());

		assertThat(report(DAY, NEXT_DAY).messages()).isEqualTo(new AccountAnalytics.Messages(2, 0, 2, 0));
		DailyAnalytics.Daily days = daily.report(account.id(), account.instagramAccountId(), DAY, NEXT_DAY,
				ZoneId.of("UTC"));
		assertThat(days.days()).singleElement().extracting(DailyAnalytics.Day::received).isEqualTo(2L);
		assertThat(days.report().messages().uniqueUsers()).isEqualTo(2);
	}

	@Test
	void theOverviewRefreshesEveryAccountItShows() {
		Rows.TestAccount other = rows.account(DAY);
		List<AccountActivity.AccountIds> both = List.of(
				new AccountActivity.AccountIds(account.id(), account.instagramAccountId()),
				new AccountActivity.AccountIds(other.id(), other.instagramAccountId()));
		rows.event(account, ana, "message", "inbound", "hello", DAY.plusSeconds(36_000));
		assertThat(activity.between(both, DAY, NEXT_DAY.minusSeconds(1)).get(other.id()).received()).isZero();

		rows.event(other, ben, "message", "inbound", "imported", DAY.plusSeconds(600), Instant.now());
		String failed = rows.delivery(other, "event:2", "message.received", "pending", DAY.plusSeconds(600));
		jdbc.sql("update crm_delivery set status = 'failed', updated_at = ? where id = ?")
			.params(DatabaseTime.of(Instant.now()), failed)
			.update();

		Map<String, AccountActivity.Activity> today = activity.between(both, DAY, NEXT_DAY.minusSeconds(1));
		assertThat(today.get(account.id()).received()).isEqualTo(1);
		assertThat(today.get(other.id()).received()).isEqualTo(1);
		assertThat(today.get(other.id()).failedDeliveries()).isEqualTo(1);
	}

	@Test
	void aSendOrDeliveryThatChangesStatusMovesBetweenCounts() {
		String delivery = rows.delivery(account, "event:1", "message.received", "failed", DAY.plusSeconds(3_600));
		String send = rows.outbound(account, ana, "pending", "auto_reply", "rul_price", DAY.plusSeconds(3_600));
		AccountAnalytics.Report before = report(DAY, NEXT_DAY);
		assertThat(before.crmDeliveries()).isEqualTo(new AccountAnalytics.Deliveries(0, 1, 0));
		assertThat(before.sends()).isEqualTo(new AccountAnalytics.Sends(0, 0, 0, 1, 1));

		jdbc.sql("update crm_delivery set status = 'delivered', updated_at = ? where id = ?")
			.params(DatabaseTime.of(Instant.now()), delivery)
			.update();
		jdbc.sql("update outbound_message set status = 'sent', updated_at = ? where id = ?")
			.params(DatabaseTime.of(Instant.now()), send)
			.update();

		AccountAnalytics.Report after = report(DAY, NEXT_DAY);
		assertThat(after.crmDeliveries()).isEqualTo(new AccountAnalytics.Deliveries(1, 0, 0));
		assertThat(after.sends()).isEqualTo(new AccountAnalytics.Sends(1, 0, 0, 0, 1));
		assertThat(after.repliesPerRule()).containsExactly(new AccountAnalytics.RuleReplies("rul_price", null, 1));
	}

	@Test
	void aLateEchoSplitsATurnAndAnswersIt() {
		rows.event(account, ana, "message", "inbound", "hello", DAY.plusSeconds(36_000));
		rows.event(account, ana, "message", "inbound", "anyone?", DAY.plusSeconds(39_600));
		assertThat(report(DAY, NEXT_DAY).firstReply()).isEqualTo(new AccountAnalytics.FirstReply(0, null, null));

		rows.event(account, ana, "echo", "outbound", "hi", DAY.plusSeconds(37_800), Instant.now());
		assertThat(report(DAY, NEXT_DAY).firstReply()).isEqualTo(new AccountAnalytics.FirstReply(1, 1800.0, 1800.0));

		rows.event(account, ana, "echo", "outbound", "yes", DAY.plusSeconds(43_200), Instant.now());
		assertThat(report(DAY, NEXT_DAY).firstReply()).isEqualTo(new AccountAnalytics.FirstReply(2, 2700.0, 3420.0));
	}

	@Test
	void periodsThatCutSlotsCountTheCutPartsFromTheRows() {
		rows.event(account, ana, "message", "inbound", "one", DAY.plusSeconds(36_000 + 10));
		rows.event(account, ana, "message", "inbound", "two", DAY.plusSeconds(36_000 + 420));
		rows.event(account, ben, "message", "inbound", "three", DAY.plusSeconds(36_000 + 1_200));
		rows.outbound(account, ben, "failed", "api", null, DAY.plusSeconds(36_000 + 1_190));

		AccountAnalytics.Report ends = report(DAY.plusSeconds(36_000 - 600), DAY.plusSeconds(36_000 + 1_200));
		assertThat(ends.messages()).isEqualTo(new AccountAnalytics.Messages(2, 0, 1, 0));
		assertThat(ends.sends().failed()).isEqualTo(1);
		AccountAnalytics.Report starts = report(DAY.plusSeconds(36_000 + 300), DAY.plusSeconds(36_000 + 1_800));
		assertThat(starts.messages()).isEqualTo(new AccountAnalytics.Messages(2, 0, 2, 0));
		AccountAnalytics.Report within = report(DAY.plusSeconds(36_000 + 5), DAY.plusSeconds(36_000 + 15));
		assertThat(within.messages()).isEqualTo(new AccountAnalytics.Messages(1, 0, 1, 0));
	}

	@Test
	void daysOfAZoneOfQuarterHoursStartAtItsOwnMidnight() {
		ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
		Instant midnight = LocalDate.parse("2026-06-11").atStartOfDay(kathmandu).toInstant();
		rows.event(account, ana, "message", "inbound", "late evening", midnight.minusSeconds(60));
		rows.event(account, ben, "message", "inbound", "just after midnight", midnight.plusSeconds(60));

		DailyAnalytics.Daily result = daily.report(account.id(), account.instagramAccountId(),
				midnight.minus(Duration.ofDays(1)), midnight.plus(Duration.ofDays(1)), kathmandu);

		assertThat(result.days()).extracting(DailyAnalytics.Day::date, DailyAnalytics.Day::received)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-06-10"), 1L),
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-06-11"), 1L));
	}

	@Test
	void aDeletionOfAUsersDataLeavesNoTraceInTheFigures() {
		rows.event(account, ana, "message", "inbound", "hello", DAY.plusSeconds(36_000));
		rows.event(account, ana, "echo", "outbound", "hi", DAY.plusSeconds(36_060));
		assertThat(report(DAY, NEXT_DAY).firstReply().answered()).isEqualTo(1);

		jdbc.sql("delete from inbound_event where user_id = ?").param(ana).update();
		resets.userDataDeleted(new UserDataDeletion(ana));

		AccountAnalytics.Report after = report(DAY, NEXT_DAY);
		assertThat(after.messages()).isEqualTo(new AccountAnalytics.Messages(0, 0, 0, 0));
		assertThat(after.firstReply().answered()).isZero();
		assertThat(rows.count("reply_turn", "user_id", ana)).isZero();
	}

}
