package dev.igautomation.inbound;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.igautomation.system.DatabaseTime;
import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.stereotype.Service;

/**
 * Stores received events durably and once: a body's events and the jobs they cause are written in one transaction
 * (shared with the bodies arriving at the same moment, see {@link EventWriter}), which commits before the webhook is
 * acknowledged. The database's unique key on each event's dedupe key recognises a redelivery, which is stored no
 * second time and causes no new job.
 */
@Service
public class InboundEvents {

	static final TaskDescriptor<EventBatch> PROCESS = TaskDescriptor.of("inbound-events", EventBatch.class);

	/** The most events one processing job takes, so that a large body is worked on by several jobs at once. */
	static final int EVENTS_PER_JOB = 100;

	private static final String INSERT = """
			insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id,
			    user_id, mid, text, attachments, details, event_time, received_at, standby, raw)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private static final int ATTEMPTS_ON_CONCURRENT_DUPLICATE = 3;

	private final IngestDatabase database;

	private final JobQueue jobs;

	private final Clock clock;

	private final EventWriter writer;

	InboundEvents(IngestDatabase database, JobQueue jobs, Clock clock, EventWriter writer) {
		this.database = database;
		this.jobs = jobs;
		this.clock = clock;
		this.writer = writer;
		writer.writeWith(this::writeBodies);
	}

	/** How many events a body held, and how many of them were new. */
	public record Recorded(int received, int stored) {
	}

	/**
	 * Stores the events not stored before and queues a processing job for each; returns once they are committed.
	 */
	public Recorded record(List<ReceivedEvent> events) {
		return events.isEmpty() ? new Recorded(0, 0) : writer.write(events);
	}

	/** Writes several bodies' events in one transaction, answering how each body went. */
	private List<Recorded> writeBodies(List<List<ReceivedEvent>> bodies) {
		for (int attempt = 1;; attempt++) {
			try {
				return database.transaction().execute(status -> insertAndQueue(bodies));
			}
			catch (DuplicateKeyException ex) {
				// H2 can report a duplicate of a row another transaction was committing instead of skipping it
				if (attempt == ATTEMPTS_ON_CONCURRENT_DUPLICATE) {
					throw ex;
				}
			}
		}
	}

	private List<Recorded> insertAndQueue(List<List<ReceivedEvent>> bodies) {
		Instant now = clock.instant();
		List<ReceivedEvent> events = bodies.stream().flatMap(List::stream).toList();
		List<String> ids = new ArrayList<>(events.size());
		events.forEach(event -> ids.add(Ids.next("evt")));
		int[] inserted = database.jdbc().batchUpdate(INSERT, new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				bind(statement, ids.get(i), events.get(i), now);
			}

			@Override
			public int getBatchSize() {
				return events.size();
			}
		});
		List<String> stored = new ArrayList<>();
		List<Recorded> recorded = new ArrayList<>(bodies.size());
		int index = 0;
		for (List<ReceivedEvent> body : bodies) {
			int storedOfBody = 0;
			for (int i = 0; i < body.size(); i++, index++) {
				if (inserted[index] > 0) {
					stored.add(ids.get(index));
					storedOfBody++;
				}
			}
			recorded.add(new Recorded(body.size(), storedOfBody));
		}
		if (!stored.isEmpty()) {
			List<TaskInstance<?>> queued = new ArrayList<>();
			for (int from = 0; from < stored.size(); from += EVENTS_PER_JOB) {
				List<String> batch = List.copyOf(stored.subList(from, Math.min(stored.size(), from + EVENTS_PER_JOB)));
				queued.add(PROCESS.instance(batch.get(0)).data(new EventBatch(batch)).build());
			}
			database.jobs().scheduleBatch(queued, now);
			jobs.wakeUpAfterCommit();
		}
		return recorded;
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
		statement.setObject(13, DatabaseTime.of(event.timestamp()));
		statement.setObject(14, DatabaseTime.of(now));
		statement.setBoolean(15, event.standby());
		statement.setString(16, event.raw());
	}

}
