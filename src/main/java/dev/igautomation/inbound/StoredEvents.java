package dev.igautomation.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored events.
 */
@Repository
class StoredEvents {

	static final String COLUMNS = """
			id, instagram_account_id, kind, direction, sender_id, recipient_id, user_id, mid, text, attachments,
			details, event_time, received_at, standby, raw, timestamp_adjusted, problem, source""";

	static final RowMapper<StoredEvent> MAPPER = (row, number) -> new StoredEvent(row.getString("id"),
			row.getString("instagram_account_id"), EventKind.of(row.getString("kind")),
			Direction.of(row.getString("direction")), row.getString("sender_id"), row.getString("recipient_id"),
			row.getString("user_id"), row.getString("mid"), row.getString("text"), row.getString("attachments"),
			row.getString("details"), DatabaseTime.instant(row, "event_time"),
			DatabaseTime.instant(row, "received_at"), row.getBoolean("standby"), row.getString("raw"),
			row.getBoolean("timestamp_adjusted"), row.getString("problem"), EventSource.of(row.getString("source")));

	private final JdbcClient jdbc;

	StoredEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredEvent> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from inbound_event where id = ?").param(id).query(MAPPER).optional();
	}

	/** The events with these ids, in the order they happened. */
	List<StoredEvent> findAll(List<String> ids) {
		return jdbc.sql("select " + COLUMNS + " from inbound_event where id in (:ids) order by event_time, id")
			.param("ids", ids)
			.query(MAPPER)
			.list();
	}

	long countSince(EventSource source, Instant since) {
		return jdbc.sql("select count(*) from inbound_event where source = ? and received_at >= ?")
			.params(source.value(), DatabaseTime.of(since))
			.query(Long.class)
			.single();
	}

	List<StoredEvent> query(String sql, List<?> parameters) {
		return jdbc.sql(sql).params(parameters).query(MAPPER).list();
	}

}
