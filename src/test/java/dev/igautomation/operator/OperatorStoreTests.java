package dev.igautomation.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Rows;
import dev.igautomation.system.Ids;

/** Operators, their one-time links and the login lockout, on each database. */
@Transactional
abstract class OperatorStoreTests {

	@Autowired
	OperatorStore operators;

	@Autowired
	OneTimeLinks links;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	String newOperator(Operator.Role role) {
		String id = Ids.next("op");
		operators.insert(id, id + "@example.com", "Sam " + id, role, "{bcrypt}hash", now);
		return id;
	}

	@Test
	void anOperatorIsStoredChangedAndAssignedAccounts() {
		String id = newOperator(Operator.Role.AGENT);
		long admins = operators.enabledAdmins();

		OperatorStore.Row stored = operators.findByEmail(id + "@example.com").orElseThrow();
		assertThat(stored.id()).isEqualTo(id);
		assertThat(stored.role()).isEqualTo(Operator.Role.AGENT);
		assertThat(stored.enabled()).isTrue();
		assertThat(stored.createdAt()).isEqualTo(now);
		assertThat(operators.any()).isTrue();

		Rows rows = new Rows(jdbc);
		String first = rows.account(now).id();
		String second = rows.account(now).id();
		operators.assign(id, Set.of(first, second));
		operators.assign(id, Set.of(second));
		assertThat(operators.accountsOf(id)).containsExactly(second);
		assertThat(operators.allAssignments()).containsEntry(id, Set.of(second));

		operators.setAdmin(id, now);
		assertThat(operators.enabledAdmins()).isEqualTo(admins + 1);
		operators.setEnabled(id, false, now);
		assertThat(operators.enabledAdmins()).isEqualTo(admins);
		operators.setPassword(id, "{bcrypt}other", now);
		operators.loggedIn(id, now.plusSeconds(1));
		OperatorStore.Row changed = operators.findById(id).orElseThrow();
		assertThat(changed.passwordHash()).isEqualTo("{bcrypt}other");
		assertThat(changed.lastLoginAt()).isEqualTo(now.plusSeconds(1));
		assertThat(operators.findAll()).extracting(OperatorStore.Row::id).contains(id);
	}

	@Test
	void aLinkWorksOnceAndAnewerOneReplacesIt() {
		String id = newOperator(Operator.Role.AGENT);
		String first = links.issue(OneTimeLinks.Purpose.INVITE, id, Duration.ofHours(24));
		assertThat(links.peek(first)).contains(new OneTimeLinks.Link(OneTimeLinks.Purpose.INVITE, id));

		String second = links.issue(OneTimeLinks.Purpose.RESET, id, Duration.ofHours(24));
		assertThat(links.peek(first)).as("replaced by the newer link").isEmpty();
		assertThat(links.use(second)).contains(new OneTimeLinks.Link(OneTimeLinks.Purpose.RESET, id));
		assertThat(links.use(second)).as("used already").isEmpty();

		String expired = links.issue(OneTimeLinks.Purpose.SETUP, null, Duration.ofSeconds(-1));
		assertThat(links.peek(expired)).isEmpty();
		assertThat(links.peek("")).isEmpty();
	}

	@Test
	void tenFailuresLockTheEmailAndASuccessForgetsEarlierOnes() {
		String email = UUID.randomUUID() + "@example.com";
		String ip = "198.51.100." + (int) (Math.random() * 250);
		for (int failure = 1; failure < LoginThrottle.MAX_FAILURES; failure++) {
			assertThat(throttle.failed(email, "203.0.113." + failure)).isEmpty();
		}
		throttle.succeeded(email);
		assertThat(throttle.failed(email, ip)).as("counting from the success").isEmpty();
		assertThat(throttle.lockedFor(email, ip)).isEmpty();

		for (int failure = 2; failure < LoginThrottle.MAX_FAILURES; failure++) {
			throttle.failed(email, "192.0.2." + failure);
		}
		assertThat(throttle.failed(email.toUpperCase(), "192.0.2.100")).contains(LoginThrottle.LOCK);
		assertThat(throttle.lockedFor(" " + email, "192.0.2.200")).hasValueSatisfying(
				left -> assertThat(left).isPositive().isLessThanOrEqualTo(LoginThrottle.LOCK));
		assertThat(throttle.lockedFor("someone-else@example.com", "192.0.2.200")).isEmpty();
	}

}
