package dev.igautomation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Rows;

/** What the history import and the reconciliation keep between runs, on each database. */
@Transactional
abstract class HistoryStateTests {

	@Autowired
	HistoryImportRepository imports;

	@Autowired
	ReconciliationState reconciliation;

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

	@Test
	void anImportKeepsItsPageAndCountsToResumeFrom() {
		HistoryImport started = new HistoryImport(accountId);
		started.start(now.minus(30, ChronoUnit.DAYS), now);
		started.pageRead("[{\"id\":\"c1\"},{\"id\":\"c2\"}]", "cursor-2", now);
		started.conversationImported(12, 10, now);
		started.failedOnce("x".repeat(5000), now);
		imports.save(started);
		entities.flush();
		entities.clear();

		HistoryImport resumed = imports.findById(accountId).orElseThrow();
		assertThat(resumed.isRunning()).isTrue();
		assertThat(resumed.getSince()).isEqualTo(now.minus(30, ChronoUnit.DAYS));
		assertThat(resumed.getPageConversations()).isEqualTo("[{\"id\":\"c1\"},{\"id\":\"c2\"}]");
		assertThat(resumed.getPageCursor()).isEqualTo("cursor-2");
		assertThat(resumed.getPagePosition()).isOne();
		assertThat(resumed.getMessagesRead()).isEqualTo(12);
		assertThat(resumed.getMessagesStored()).isEqualTo(10);
		assertThat(resumed.getErrors()).isOne();

		resumed.finished(now.plusSeconds(1));
		entities.flush();
		entities.clear();
		assertThat(imports.findById(accountId).orElseThrow().isRunning()).isFalse();
	}

	@Test
	void reconciliationRemembersHowFarItCheckedAndAddsUpWhatItRecovered() {
		assertThat(reconciliation.checkedUntil(accountId)).isEmpty();

		reconciliation.checked(accountId, now.minusSeconds(60), now, 2);
		reconciliation.checked(accountId, now, now.plusSeconds(600), 3);

		assertThat(reconciliation.checkedUntil(accountId)).contains(now);
		assertThat(jdbc.sql("select recovered from history_reconciliation where account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

}
