package dev.igautomation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Limit;

import dev.igautomation.support.Api;
import dev.igautomation.system.Ids;

/** The accounts' repository, on each database: its derived queries and the token-problem query. */
@Transactional
abstract class AccountRepositoryTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	TestEntityManager entities;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	Account account(String username) {
		Account account = new Account(Ids.next("acc"), Api.randomInstagramId(), username, now);
		account.encryptedAccessToken(new byte[] { 1, 2, 3 }, now.minus(50, ChronoUnit.DAYS),
				now.plus(10, ChronoUnit.DAYS));
		return accounts.save(account);
	}

	@Test
	void anAccountIsFoundByItsInstagramId() {
		Account saved = account("shop");
		entities.flush();
		entities.clear();

		Account found = accounts.findByInstagramAccountId(saved.getInstagramAccountId()).orElseThrow();
		assertThat(found.getId()).isEqualTo(saved.getId());
		assertThat(found.getAccessToken()).containsExactly(1, 2, 3);
		assertThat(found.getTokenExpiresAt()).isEqualTo(now.plus(10, ChronoUnit.DAYS));
		assertThat(found.isMessagingWindowEnforced()).isTrue();
		assertThat(accounts.existsByInstagramAccountId(saved.getInstagramAccountId())).isTrue();
		assertThat(accounts.existsByInstagramAccountId("0")).isFalse();
	}

	@Test
	void tokensDueForRefreshAndTokenProblemsAreFound() {
		Account dueForRefresh = account("due");
		Account rejected = account("rejected");
		rejected.tokenRejected("Error validating access token");
		Account refreshFailed = account("refresh-failed");
		refreshFailed.tokenRefreshFailed("Meta said no", now);
		Account fresh = account("fresh");
		fresh.encryptedAccessToken(new byte[] { 4 }, now, now.plus(60, ChronoUnit.DAYS));
		entities.flush();

		List<String> due = accounts
			.findByTokenIssuedAtBeforeAndTokenExpiresAtBefore(now.minus(1, ChronoUnit.DAYS),
					now.plus(30, ChronoUnit.DAYS))
			.stream()
			.map(Account::getId)
			.toList();
		assertThat(due).contains(dueForRefresh.getId()).doesNotContain(fresh.getId());
		List<String> problems = accounts.findWithTokenProblems(now).stream().map(Account::getId).toList();
		assertThat(problems).contains(rejected.getId(), refreshFailed.getId())
			.doesNotContain(dueForRefresh.getId(), fresh.getId());
		assertThat(accounts.findByTokenStatusOrderById("invalid")).extracting(Account::getId)
			.contains(rejected.getId())
			.doesNotContain(fresh.getId());
	}

	@Test
	void accountsArePagedByIdAndTheLastChangedIsFirst() {
		Account first = account("a");
		Account second = account("b");
		Account third = account("c");
		third.subscriptionChecked("missing", "messages field not subscribed", now);
		third.touched(Instant.parse("2999-01-01T00:00:00Z"));
		entities.flush();

		assertThat(accounts.findByIdGreaterThanOrderByIdAsc(first.getId(), Limit.of(1))).extracting(Account::getId)
			.containsExactly(second.getId());
		assertThat(accounts.findByIdInAndIdGreaterThanOrderByIdAsc(List.of(first.getId(), third.getId()), "",
				Limit.of(10)))
			.extracting(Account::getId)
			.containsExactly(first.getId(), third.getId());
		assertThat(accounts.findFirstByOrderByUpdatedAtDesc()).map(Account::getId).contains(third.getId());
		assertThat(accounts.findBySubscriptionErrorIsNotNull()).extracting(Account::getId)
			.contains(third.getId())
			.doesNotContain(first.getId());
	}

}
