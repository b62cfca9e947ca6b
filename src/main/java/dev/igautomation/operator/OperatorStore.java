package dev.igautomation.operator;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores operators and the accounts assigned to agents. Emails are stored lower-case; a unique constraint keeps one
 * operator per email.
 */
@Repository
class OperatorStore {

	private static final String COLUMNS = "id, email, display_name, role, password_hash, enabled, last_login_at, created_at";

	private final JdbcClient jdbc;

	OperatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An operator row with its hash, for logging in and checking passwords. */
	record Row(String id, String email, String displayName, Operator.Role role, String passwordHash, boolean enabled,
			Instant lastLoginAt, Instant createdAt) {

		Operator toOperator(Set<String> accountIds) {
			return new Operator(id, email, displayName, role, enabled, passwordHash != null, lastLoginAt, createdAt,
					role == Operator.Role.ADMIN ? Set.of() : accountIds);
		}

	}

	void insert(String id, String email, String displayName, Operator.Role role, String passwordHash, Instant now) {
		jdbc.sql("insert into operator (id, email, display_name, role, password_hash, enabled, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, true, ?, ?)")
			.params(id, email, displayName, role.value(), passwordHash, DatabaseTime.of(now), DatabaseTime.of(now))
			.update();
	}

	Optional<Row> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from operator where email = ?").param(email).query(this::row).optional();
	}

	Optional<Row> findById(String id) {
		return jdbc.sql("select " + COLUMNS + " from operator where id = ?").param(id).query(this::row).optional();
	}

	List<Row> findAll() {
		return jdbc.sql("select " + COLUMNS + " from operator order by email").query(this::row).list();
	}

	boolean any() {
		return jdbc.sql("select count(*) from operator").query(Long.class).single() > 0;
	}

	long enabledAdmins() {
		return jdbc.sql("select count(*) from operator where role = 'admin' and enabled = true and password_hash is not null")
			.query(Long.class)
			.single();
	}

	void setPassword(String id, String passwordHash, Instant now) {
		jdbc.sql("update operator set password_hash = ?, updated_at = ? where id = ?")
			.params(passwordHash, DatabaseTime.of(now), id)
			.update();
	}

	void setAdmin(String id, Instant now) {
		jdbc.sql("update operator set role = 'admin', enabled = true, updated_at = ? where id = ?")
			.params(DatabaseTime.of(now), id)
			.update();
	}

	void setEnabled(String id, boolean enabled, Instant now) {
		jdbc.sql("update operator set enabled = ?, updated_at = ? where id = ?")
			.params(enabled, DatabaseTime.of(now), id)
			.update();
	}

	void loggedIn(String id, Instant at) {
		jdbc.sql("update operator set last_login_at = ? where id = ?").params(DatabaseTime.of(at), id).update();
	}

	Set<String> accountsOf(String operatorId) {
		return new HashSet<>(jdbc.sql("select account_id from operator_account where operator_id = ?")
			.param(operatorId)
			.query(String.class)
			.list());
	}

	/** Every agent's accounts, by operator id, in one query. */
	Map<String, Set<String>> allAssignments() {
		Map<String, Set<String>> assignments = new HashMap<>();
		jdbc.sql("select operator_id, account_id from operator_account").query(result -> {
			assignments.computeIfAbsent(result.getString(1), id -> new HashSet<>()).add(result.getString(2));
		});
		return assignments;
	}

	void assign(String operatorId, Set<String> accountIds) {
		jdbc.sql("delete from operator_account where operator_id = ?").param(operatorId).update();
		for (String accountId : accountIds) {
			jdbc.sql("insert into operator_account (operator_id, account_id) values (?, ?)")
				.params(operatorId, accountId)
				.update();
		}
	}

	private Row row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new Row(row.getString("id"), row.getString("email"), row.getString("display_name"),
				Operator.Role.of(row.getString("role")), row.getString("password_hash"), row.getBoolean("enabled"),
				DatabaseTime.instant(row, "last_login_at"), DatabaseTime.instant(row, "created_at"));
	}

}
