package dev.igautomation.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores deliveries. Every change of state is a single conditional update, so a job and a person retrying by hand
 * cannot both move the same delivery.
 */
@Repository
class DeliveryStore {

	private static final String COLUMNS = """
			id, account_id, event_type, source_key, payload, status, attempts, schedule_position, replays,
			last_status_code, last_error, next_attempt_at, created_at, updated_at, delivered_at""";

	private static final RowMapper<Delivery> MAPPER = (row, number) -> new Delivery(row.getString("id"),
			row.getString("account_id"), row.getString("event_type"), row.getString("source_key"),
			row.getString("payload"), DeliveryStatus.of(row.getString("status")), row.getInt("attempts"),
			row.getInt("schedule_position"), row.getInt("replays"), (Integer) row.getObject("last_status_code"),
			row.getString("last_error"), DatabaseTime.instant(row, "next_attempt_at"),
			DatabaseTime.instant(row, "created_at"),
			DatabaseTime.instant(row, "updated_at"),
			DatabaseTime.instant(row, "delivered_at"));

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new pending delivery; false when one for the same source exists already. */
	boolean insertIfAbsent(String id, String accountId, String eventType, String sourceKey, String payload,
			Instant now) {
		return jdbc.sql("""
				insert into crm_delivery (id, account_id, event_type, source_key, payload, status, attempts,
				    schedule_position, replays, next_attempt_at, created_at, updated_at)
				values (:id, :account, :type, :source, :payload, 'pending', 0, 0, 0, :now, :now, :now)
				on conflict do nothing""")
			.param("id", id)
			.param("account", accountId)
			.param("type", eventType)
			.param("source", sourceKey)
			.param("payload", payload)
			.param("now", DatabaseTime.of(now))
			.update() > 0;
	}

	Optional<Delivery> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from crm_delivery where id = ?").param(id).query(MAPPER).optional();
	}

	/** The deliveries with these ids, oldest first. */
	List<Delivery> findAll(List<String> ids) {
		return jdbc.sql("select " + COLUMNS + " from crm_delivery where id in (:ids) order by id")
			.param("ids", ids)
			.query(MAPPER)
			.list();
	}

	Optional<Delivery> findBySource(String accountId, String sourceKey) {
		return jdbc.sql("select " + COLUMNS + " from crm_delivery where account_id = ? and source_key = ?")
			.params(accountId, sourceKey)
			.query(MAPPER)
			.optional();
	}

	/** An account's deliveries, newest first, optionally of one status and event type, after a cursor id. */
	List<Delivery> list(String accountId, DeliveryStatus status, String eventType, String beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from crm_delivery where account_id = :account");
		if (status != null) {
			sql.append(" and status = :status");
		}
		if (eventType != null) {
			sql.append(" and event_type = :type");
		}
		if (beforeId != null) {
			sql.append(" and id < :before");
		}
		JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" order by id desc limit :limit").toString())
			.param("account", accountId)
			.param("limit", limit);
		if (status != null) {
			statement = statement.param("status", status.value());
		}
		if (eventType != null) {
			statement = statement.param("type", eventType);
		}
		if (beforeId != null) {
			statement = statement.param("before", beforeId);
		}
		return statement.query(MAPPER).list();
	}

	boolean markDelivered(Delivery delivery, int statusCode, Instant now) {
		return jdbc.sql("""
				update crm_delivery set status = 'delivered', attempts = attempts + 1, last_status_code = :code,
				    last_error = null, next_attempt_at = null, delivered_at = :now, updated_at = :now
				where id = :id and status = 'pending' and replays = :replays""")
			.param("code", statusCode)
			.param("now", DatabaseTime.of(now))
			.param("id", delivery.id())
			.param("replays", delivery.replays())
			.update() > 0;
	}

	boolean markRetrying(Delivery delivery, Integer statusCode, String error, Instant next, Instant now) {
		return jdbc.sql("""
				update crm_delivery set attempts = attempts + 1, schedule_position = schedule_position + 1,
				    last_status_code = :code, last_error = :error, next_attempt_at = :next, updated_at = :now
				where id = :id and status = 'pending' and replays = :replays""")
			.param("code", statusCode)
			.param("error", error)
			.param("next", DatabaseTime.of(next))
			.param("now", DatabaseTime.of(now))
			.param("id", delivery.id())
			.param("replays", delivery.replays())
			.update() > 0;
	}

	boolean markFailed(Delivery delivery, Integer statusCode, String error, boolean attempted, Instant now) {
		return jdbc.sql("""
				update crm_delivery set status = 'failed', attempts = attempts + :attempted,
				    last_status_code = :code, last_error = :error, next_attempt_at = null, updated_at = :now
				where id = :id and status = 'pending' and replays = :replays""")
			.param("attempted", attempted ? 1 : 0)
			.param("code", statusCode)
			.param("error", error)
			.param("now", DatabaseTime.of(now))
			.param("id", delivery.id())
			.param("replays", delivery.replays())
			.update() > 0;
	}

	/** Queues a failed or delivered delivery again, with the schedule from the start. */
	Optional<Delivery> requeue(String id, Instant now) {
		int updated = jdbc.sql("""
				update crm_delivery set status = 'pending', schedule_position = 0, replays = replays + 1,
				    next_attempt_at = :now, updated_at = :now
				where id = :id and status <> 'pending'""")
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update();
		return updated > 0 ? find(id) : Optional.empty();
	}

	List<String> failedIds(String accountId, int limit) {
		return jdbc.sql("""
				select id from crm_delivery where account_id = :account and status = 'failed'
				order by id limit :limit""")
			.param("account", accountId)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	int failPendingOf(String accountId, String error, Instant now) {
		return jdbc.sql("""
				update crm_delivery set status = 'failed', last_error = :error, next_attempt_at = null,
				    updated_at = :now
				where account_id = :account and status = 'pending'""")
			.param("error", error)
			.param("now", DatabaseTime.of(now))
			.param("account", accountId)
			.update();
	}

}
