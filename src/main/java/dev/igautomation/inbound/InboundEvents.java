package dev.igautomation.inbound;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores received events durably and once: a body's events and the jobs they cause are written in one transaction,
 * which commits before the webhook is acknowledged. The database's unique key on each event's dedupe key recognises
 * a redelivery, which is stored no second time and causes no new job.
 */
@Service
public class InboundEvents {

	static final TaskDescriptor<Void> PROCESS = TaskDescriptor.of("inbound-event", Void.class);

	private static final String INSERT = """
			insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id,
			    user_id, mid, text, attachments, details, event_time, received_at, standby, raw)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private static final int ATTEMPTS_ON_CONCURRENT_DUPLICATE = 3;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final JobQueue jobs;

	private final Clock clock;

	InboundEvents(JdbcTemplate jdbc, TransactionTemplate transaction, JobQueue jobs, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** How many events a body held, and how many of them were new. */
	public record Recorded(int received, int stored) {
	}

	/**
	 * Stores the events not stored before and queues a processing job for each, in one transaction; returns once it
	 * has committed.
	 */
	public Recorded record(List<ReceivedEvent> events) {
		if (events.isEmpty()) {
			return new Recorded(0, 0);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> insertAndQueue(events));
			}
			catch (DuplicateKeyException ex) {
				// H2 can report a duplicate of a row another transaction was committing instead of skipping it
				if (attempt == ATTEMPTS_ON_CONCURRENT_DUPLICATE) {
					throw ex;
				}
			}
		}
	}

	private Recorded insertAndQueue(List<ReceivedEvent> events) {
		Instant now = clock.instant();
		List<String> ids = new ArrayList<>(events.size());
		events.forEach(event -> ids.add(Ids.next("evt")));
		int[] inserted = jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				bind(statement, ids.get(i), events.get(i), now);
			}

			@Override
			public int getBatchSize() {
				return events.size();
			}
		});
		List<TaskInstance<?>> queued = new ArrayList<>();
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i] > 0) {
				queued.add(PROCESS.instance(ids.get(i)).build());
			}
		}
		jobs.scheduleNow(queued, now);
		return new Recorded(events.size(), queued.size());
	}

	private static void bind(PreparedStatement statement, String id, ReceivedEvent event, Instant now)
			throws SQLException {
		statement.setString(1, id);
		statement.setString(2, event.instagramAccountId());
		statement.setString(3, event.dedupeKey());
		statement.setString(4, event.kind().value());
		statement.setString(5, event.direction().value());
		statement.setString(6, event.senderId());
		statement.setString(7, event.recipientId());
		statement.setString(8, event.userId());
		statement.setString(9, event.mid());
		statement.setString(10, event.text());
		statement.setString(11, event.attachments());
		statement.setString(12, event.details());
		statement.setObject(13, StoredEvents.toDatabase(event.timestamp()));
		statement.setObject(14, StoredEvents.toDatabase(now));
		statement.setBoolean(15, event.standby());
		statement.setString(16, event.raw());
	}

}
