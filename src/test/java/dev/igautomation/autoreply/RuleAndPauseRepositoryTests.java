package dev.igautomation.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;
import dev.igautomation.system.Ids;

/**
 * Rules and pauses, on each database: rules in the order they are tried and paged in it; a pause that a shorter one
 * cannot shorten, one replaced as told, and what counts as on.
 */
@Transactional
abstract class RuleAndPauseRepositoryTests {

	@Autowired
	RuleRepository rules;

	@Autowired
	PauseRepository pauses;

	@Autowired
	TestEntityManager entities;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	String accountId;

	@BeforeEach
	void account() {
		accountId = new Rows(jdbc).account(now).id();
	}

	Rule rule(String name, RuleTrigger trigger, int priority, boolean enabled) {
		Rule rule = new Rule(Ids.next("rul"), accountId, now);
		rule.write(name, trigger, MatchType.CONTAINS, "price", "It is 9 euros", "there", priority, enabled,
				Duration.ofMinutes(5), List.of("1789", "1790"), RuleAction.TEXT, null, RuleReply.TEXT, null, List.of(),
				List.of(), now);
		return rules.save(rule);
	}

	@Test
	void rulesAreTriedByPriorityThenAgeAndPagedInThatOrder() {
		Rule later = rule("later", RuleTrigger.DIRECT_MESSAGE, 10, true);
		Rule first = rule("first", RuleTrigger.DIRECT_MESSAGE, 1, true);
		Rule disabled = rule("disabled", RuleTrigger.DIRECT_MESSAGE, 1, false);
		Rule comment = rule("comment", RuleTrigger.COMMENT, 1, true);
		Rule sameAsLater = rule("same priority, newer", RuleTrigger.DIRECT_MESSAGE, 10, true);
		entities.flush();
		entities.clear();

		assertThat(rules.findByAccountIdAndTriggerAndEnabledTrueOrderByPriorityAscIdAsc(accountId,
				RuleTrigger.DIRECT_MESSAGE))
			.extracting(Rule::id)
			.containsExactly(first.id(), later.id(), sameAsLater.id());
		assertThat(rules.findByAccountIdOrderByPriorityAscIdAsc(accountId, Limit.of(2))).extracting(Rule::id)
			.containsExactly(first.id(), disabled.id());
		assertThat(rules.findPageAfter(accountId, 1, disabled.id(), Limit.of(2))).extracting(Rule::id)
			.containsExactly(comment.id(), later.id());

		Rule stored = rules.findByAccountIdAndId(accountId, later.id()).orElseThrow();
		assertThat(stored.cooldown()).isEqualTo(Duration.ofMinutes(5));
		assertThat(stored.mediaIds()).containsExactly("1789", "1790");
		assertThat(stored.matchType()).isEqualTo(MatchType.CONTAINS);
		assertThat(rules.findByAccountIdAndId("acc_other", later.id())).isEmpty();
		assertThat(rules.deleteByAccountIdAndId(accountId, later.id())).isOne();
	}

	@Test
	void aPauseIsExtendedNeverShortenedAndReplacedWhenTold() {
		String user = Dms.newUser();
		pauses.extend(new Pause(accountId, user, now.plusSeconds(600), Pause.HUMAN_REPLY, now));
		pauses.extend(new Pause(accountId, user, now.plusSeconds(60), Pause.API_SEND, now));
		assertThat(pauses.findActive(accountId, user, now)).map(Pause::until).contains(now.plusSeconds(600));

		pauses.replace(new Pause(accountId, user, now.plusSeconds(60), Pause.OPERATOR, now));
		entities.clear();
		Pause replaced = pauses.findActive(accountId, user, now).orElseThrow();
		assertThat(replaced.until()).isEqualTo(now.plusSeconds(60));
		assertThat(replaced.reason()).isEqualTo(Pause.OPERATOR);
		assertThat(pauses.findActive(accountId, user, now.plusSeconds(61))).as("over").isEmpty();

		String forever = Dms.newUser();
		pauses.replace(new Pause(accountId, forever, null, Pause.OPERATOR, now));
		pauses.extend(new Pause(accountId, forever, now.plusSeconds(60), Pause.HUMAN_REPLY, now));
		entities.clear();
		assertThat(pauses.findActive(accountId, forever, now.plusSeconds(3600))).hasValueSatisfying(pause -> assertThat(pause.until()).isNull());
		assertThat(pauses.findActive(accountId, now, "", Limit.of(10))).extracting(Pause::userId)
			.containsExactlyElementsOf(List.of(user, forever).stream().sorted().toList());

		assertThat(pauses.deleteOne(accountId, user)).isOne();
		assertThat(pauses.deleteAllOf(forever)).isOne();
		assertThat(pauses.findActive(accountId, now, "", Limit.of(10))).isEmpty();
	}

}
