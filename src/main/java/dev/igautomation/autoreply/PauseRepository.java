package dev.igautomation.autoreply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores pauses, one row per (account, user). An expired row is as good as none, and is replaced by the next pause.
 */
@Repository
class PauseRepository {

	private static final String COLUMNS = "account_id, user_id, paused_until, reason, paused_at";

	private static final RowMapper<Pause> MAPPER = (row, number) -> {
		return new Pause(row.getString("account_id"), row.getString("user_id"),
				DatabaseTime.instant(row, "paused_until"), row.getString("reason"),
				DatabaseTime.instant(row, "paused_at"));
	};

	private final JdbcClient jdbc;

	PauseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Pauses until {@code until} unless a pause already lasts longer (or until resumed): a person's message never
	 * shortens an operator's pause.
	 */
	void extend(Pause pause) {
		upsert(pause, " and paused_until is not null and paused_until < :until");
	}

	/** Pauses as told, whatever was there before. */
	void replace(Pause pause) {
		upsert(pause, "");
	}

	private void upsert(Pause pause, String onlyWhen) {
		int updated = jdbc.sql("update contact_pause set paused_until = :until, reason = :reason, paused_at = :at "
				+ "where account_id = :account and user_id = :user" + onlyWhen)
			.param("until", DatabaseTime.of(pause.until()))
			.param("reason", pause.reason())
			.param("at", DatabaseTime.of(pause.pausedAt()))
			.param("account", pause.accountId())
			.param("user", pause.userId())
			.update();
		if (updated == 0) {
			insertIfAbsent(pause);
		}
	}

	private void insertIfAbsent(Pause pause) {
		jdbc.sql("insert into contact_pause (" + COLUMNS + ") values (:account, :user, :until, :reason, :at) "
				+ "on conflict do nothing")
			.param("account", pause.accountId())
			.param("user", pause.userId())
			.param("until", DatabaseTime.of(pause.until()))
			.param("reason", pause.reason())
			.param("at", DatabaseTime.of(pause.pausedAt()))
			.update();
	}

	boolean delete(String accountId, String userId) {
		return jdbc.sql("delete from contact_pause where account_id = ? and user_id = ?")
			.params(accountId, userId)
			.update() > 0;
	}

	/** The user's pause, if one is on at {@code now}. */
	Optional<Pause> active(String accountId, String userId, Instant now) {
		return jdbc.sql("select " + COLUMNS + " from contact_pause where account_id = ? and user_id = ? "
				+ "and (paused_until is null or paused_until > ?)")
			.params(accountId, userId, DatabaseTime.of(now))
			.query(MAPPER)
			.optional();
	}

	/** The pauses on at {@code now}, by user id, after the previous page's last user. */
	List<Pause> active(String accountId, Instant now, String afterUserId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from contact_pause where account_id = ? "
				+ "and (paused_until is null or paused_until > ?) and user_id > ? order by user_id limit ?")
			.params(accountId, DatabaseTime.of(now), afterUserId == null ? "" : afterUserId, limit)
			.query(MAPPER)
			.list();
	}

}
