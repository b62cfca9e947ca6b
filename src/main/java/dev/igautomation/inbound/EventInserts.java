package dev.igautomation.inbound;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.system.DatabaseTime;
import dev.igautomation.system.DurableEvents;
import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.stereotype.Component;

/**
 * The transaction that stores webhook bodies: every event not stored before, and the jobs that hand the new ones to
 * the features that react to them ({@link InstagramEventsReceived}), commit together. The database's unique key on
 * each event's dedupe key recognises a redelivery, which is stored no second time and causes no new job. Should a
 * body fail as a whole, its events are written one by one, and one the database still refuses is kept raw as
 * {@link EventKind#INVALID invalid}, so that the events beside it are stored and the body acknowledged.
 */
@Component
class EventInserts {

	static final int EVENTS_PER_JOB = 100;

	private static final Logger log = LoggerFactory.getLogger(EventInserts.class);

	private static final String INSERT = """
			insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id,
			    user_id, mid, text, attachments, details, event_time, received_at, standby, raw, timestamp_adjusted,
			    problem, source)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	/** What no feature reacts to: stored for people to look at, but no job is queued for them. */
	private static final Set<EventKind> UNHANDLED = EnumSet.of(EventKind.TEST, EventKind.UNKNOWN, EventKind.INVALID);

	private static final int ATTEMPTS_ON_CONCURRENT_DUPLICATE = 3;

	private final IngestDatabase database;

	private final StorableEvents storable;

	private final DurableEvents events;

	private final JobQueue jobs;

	private final MeterRegistry meters;

	private final Clock clock;

	EventInserts(IngestDatabase database, StorableEvents storable, DurableEvents events, JobQueue jobs,
			MeterRegistry meters, Clock clock) {
		this.database = database;
		this.storable = storable;
		this.events = events;
		this.jobs = jobs;
		this.meters = meters;
		this.clock = clock;
	}

	/** Writes several bodies' events in one transaction, answering how each body went. */
	List<InboundEvents.Recorded> writeBodies(List<Body> bodies) {
		Instant now = clock.instant();
		List<EventRow> rows = new ArrayList<>();
		bodies.forEach(body -> body.events()
			.forEach(event -> rows.add(storable.rowOf(Ids.next("evt"), event, body.source(), now))));
		try {
			boolean[] stored = insertAndQueue(rows);
			List<InboundEvents.Recorded> recorded = new ArrayList<>(bodies.size());
			int index = 0;
			for (Body body : bodies) {
				int storedOfBody = 0;
				for (int i = 0; i < body.events().size(); i++) {
					storedOfBody += stored[index++] ? 1 : 0;
				}
				recorded.add(new InboundEvents.Recorded(body.events().size(), storedOfBody));
			}
			return recorded;
		}
		catch (DataAccessException ex) {
			if (bodies.size() > 1) {
				throw ex;
			}
			log.warn("Storing {} events together failed ({}); storing them one by one", rows.size(),
					ex.getMostSpecificCause().getMessage());
			return List.of(writeOneByOne(bodies.get(0), now));
		}
	}

	private InboundEvents.Recorded writeOneByOne(Body body, Instant now) {
		int stored = 0;
		for (ReceivedEvent event : body.events()) {
			EventRow row = storable.rowOf(Ids.next("evt"), event, body.source(), now);
			try {
				stored += insertAndQueue(List.of(row))[0] ? 1 : 0;
			}
			catch (DataAccessException refused) {
				String reason = "The database refused it: " + refused.getMostSpecificCause().getMessage();
				stored += insertAndQueue(List.of(storable.invalid(row.id(), event, body.source(), reason, now)))[0] ? 1
						: 0;
			}
		}
		return new InboundEvents.Recorded(body.events().size(), stored);
	}

	/** The events of one webhook body (or one page read from Meta), and how they came. */
	record Body(List<ReceivedEvent> events, EventSource source) {
	}

	/** Inserts the rows and queues the jobs for the new ones; answers which were new. */
	private boolean[] insertAndQueue(List<EventRow> rows) {
		for (int attempt = 1;; attempt++) {
			try {
				boolean[] stored = database.transaction().execute(status -> insertAndQueueNow(rows));
				count(rows, stored);
				return stored;
			}
			catch (DuplicateKeyException ex) {
				// H2 can report a duplicate of a row another transaction was committing instead of skipping it
				if (attempt == ATTEMPTS_ON_CONCURRENT_DUPLICATE) {
					throw ex;
				}
			}
		}
	}

	private boolean[] insertAndQueueNow(List<EventRow> rows) {
		int[] inserted = database.jdbc().batchUpdate(INSERT, new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				bind(statement, rows.get(i));
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
		boolean[] stored = new boolean[rows.size()];
		List<String> handled = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			stored[i] = inserted[i] > 0;
			if (stored[i] && !UNHANDLED.contains(rows.get(i).kind())) {
				handled.add(rows.get(i).id());
			}
		}
		if (!handled.isEmpty()) {
			List<TaskInstance<?>> queued = new ArrayList<>();
			for (int from = 0; from < handled.size(); from += EVENTS_PER_JOB) {
				List<String> batch = List.copyOf(handled.subList(from, Math.min(handled.size(), from + EVENTS_PER_JOB)));
				queued.addAll(events.jobsFor(new InstagramEventsReceived(batch), batch.get(0)));
			}
			if (!queued.isEmpty()) {
				database.jobs().scheduleBatch(queued, clock.instant());
				jobs.wakeUpAfterCommit();
			}
		}
		return stored;
	}

	private void count(List<EventRow> rows, boolean[] stored) {
		for (int i = 0; i < rows.size(); i++) {
			if (!stored[i]) {
				continue;
			}
			EventRow row = rows.get(i);
			meters.counter("igautomation.events.received", "kind", row.kind().value(), "direction",
					row.direction().value()).increment();
			if (row.kind() == EventKind.INVALID) {
				log.warn("An event for Instagram account '{}' was stored as invalid ({}): {}", row.instagramAccountId(),
						row.id(), row.problem());
			}
		}
	}

	private static void bind(PreparedStatement statement, EventRow row) throws SQLException {
		statement.setString(1, row.id());
		statement.setString(2, row.instagramAccountId());
		statement.setString(3, row.dedupeKey());
		statement.setString(4, row.kind().value());
		statement.setString(5, row.direction().value());
		statement.setString(6, row.senderId());
		statement.setString(7, row.recipientId());
		statement.setString(8, row.userId());
		statement.setString(9, row.mid());
		statement.setString(10, row.text());
		statement.setString(11, row.attachments());
		statement.setString(12, row.details());
		statement.setObject(13, DatabaseTime.of(row.eventTime()));
		statement.setObject(14, DatabaseTime.of(row.receivedAt()));
		statement.setBoolean(15, row.standby());
		statement.setString(16, row.raw());
		statement.setBoolean(17, row.timestampAdjusted());
		statement.setString(18, row.problem());
		statement.setString(19, row.source().value());
	}

}
