package dev.igautomation.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.igautomation.system.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's change log. A change is written in the transaction that made it, with the next id of
 * {@code inbox_sequence}: the update locks that one row until the commit, so ids commit in order and a reader that
 * has seen id N has seen every change up to N. On PostgreSQL the transaction also sends {@code NOTIFY inbox_changes},
 * delivered at its commit to every instance listening ({@link PostgresChangeListener}); on every database this
 * instance is told after the commit ({@link InboxChangesCommitted}). Changes are kept a day: long enough for any
 * dropped connection to resume.
 */
@Component
class InboxChanges {

	static final String CHANNEL = "inbox_changes";

	static final Duration KEPT = Duration.ofDays(1);

	/** One change of a conversation: {@code message} (a new or changed message), {@code status}, {@code state}... */
	record Change(long id, String accountId, String userId, String change) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean postgres;

	InboxChanges(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, DataSource dataSource)
			throws SQLException {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

	boolean postgres() {
		return postgres;
	}

	/** Records a change in the current transaction (or one of its own); live pages see it once that commits. */
	@Transactional
	void record(String accountId, String userId, String change) {
		jdbc.sql("update inbox_sequence set last_id = last_id + 1 where id = 1").update();
		long id = jdbc.sql("select last_id from inbox_sequence where id = 1").query(Long.class).single();
		jdbc.sql("insert into inbox_change (id, account_id, user_id, change, created_at) values (?, ?, ?, ?, ?)")
			.params(id, accountId, userId, change, DatabaseTime.of(clock.instant()))
			.update();
		if (postgres) {
			jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, String.valueOf(id)).query(rows -> true);
		}
		events.publishEvent(new InboxChangesCommitted(id));
	}

	/** The changes after {@code afterId}, oldest first. */
	List<Change> after(long afterId, int limit) {
		return jdbc.sql("select id, account_id, user_id, change from inbox_change where id > ? order by id limit ?")
			.params(afterId, limit)
			.query((row, number) -> new Change(row.getLong("id"), row.getString("account_id"),
					row.getString("user_id"), row.getString("change")))
			.list();
	}

	/** The id of the last change committed. */
	long latest() {
		return jdbc.sql("select last_id from inbox_sequence where id = 1").query(Long.class).single();
	}

	/** Forgets the changes older than {@link #KEPT}. */
	int forgetOld() {
		return jdbc.sql("delete from inbox_change where created_at < ?")
			.param(DatabaseTime.of(clock.instant().minus(KEPT)))
			.update();
	}

}
