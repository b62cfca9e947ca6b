package dev.igautomation.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import dev.igautomation.support.Api;
import dev.igautomation.support.Dms;
import dev.igautomation.support.PostgresIntegrationTest;
import dev.igautomation.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class InboxLivePostgresTests extends InboxLiveTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	/**
	 * A change committed by another instance (here: written and notified on a connection of the test's own, which
	 * tells this instance nothing in-process) reaches the stream through PostgreSQL's NOTIFY.
	 */
	@Test
	void aChangeCommittedElsewhereArrivesThroughNotify() throws Exception {
		TestAccounts account = TestAccounts.create(new Api(client));
		BlockingQueue<Event> events = read(open(signedIn(Set.of(account.id())), Map.of()).body());
		Thread.sleep(500);
		String user = Dms.newUser();
		transaction.executeWithoutResult(status -> {
			jdbc.update("update inbox_sequence set last_id = last_id + 1 where id = 1");
			Long id = jdbc.queryForObject("select last_id from inbox_sequence where id = 1", Long.class);
			jdbc.update("insert into inbox_change (id, account_id, user_id, change, created_at) values (?, ?, ?, ?, ?)",
					id, account.id(), user, "message", Instant.now().atOffset(ZoneOffset.UTC));
			jdbc.queryForList("select pg_notify('inbox_changes', ?)", String.valueOf(id));
		});
		Event event = next(events, "inbox", user);
		assertThat(event.data()).contains(account.id());
	}

}
