package dev.igautomation.outbound;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.igautomation.system.DatabaseTime;

/**
 * Reads of outbound messages that change nothing: an account's list, and the counts that rules' limits and the
 * human-takeover check look at. Plain SQL, as {@link OutboundMessageStore}, whose table it reads.
 */
@Repository
class OutboundMessageQueries {

	private final JdbcClient jdbc;

	OutboundMessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int privateRepliesSince(String accountId, Instant since) {
		return jdbc.sql("select count(*) from outbound_message where account_id = ? and created_at > ? "
				+ "and comment_id is not null and not (status = 'failed' and attempts = 0)")
			.params(accountId, DatabaseTime.of(since))
			.query(Integer.class)
			.single();
	}

	Optional<Instant> lastCreatedByRule(String ruleId, String recipientId) {
		return jdbc
			.sql("select created_at from outbound_message where rule_id = ? and recipient_id = ? "
					+ "order by created_at desc limit 1")
			.params(ruleId, recipientId)
			.query((row, number) -> DatabaseTime.instant(row, "created_at"))
			.optional();
	}

	boolean createdForSince(String accountId, String recipientId, Instant after) {
		return jdbc.sql("select count(*) from outbound_message where account_id = ? and recipient_id = ? "
				+ "and created_at > ?")
			.params(accountId, recipientId, DatabaseTime.of(after))
			.query(Long.class)
			.single() > 0;
	}

	/** What to list; every part is optional. */
	record Filter(String recipientId, String source, String ruleId, MessageStatus status) {
	}

	/** An account's messages, newest first, after the position of the previous page. */
	List<OutboundMessage> list(String accountId, Filter filter, Instant beforeCreatedAt, String beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select " + OutboundMessageStore.COLUMNS + " from outbound_message where account_id = :account");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("account", accountId);
		if (filter.recipientId() != null) {
			sql.append(" and recipient_id = :recipient");
			parameters.put("recipient", filter.recipientId());
		}
		if (filter.source() != null) {
			sql.append(" and source = :source");
			parameters.put("source", filter.source());
		}
		if (filter.ruleId() != null) {
			sql.append(" and rule_id = :rule");
			parameters.put("rule", filter.ruleId());
		}
		if (filter.status() != null) {
			sql.append(" and status = :status");
			parameters.put("status", filter.status().value());
		}
		if (beforeCreatedAt != null) {
			sql.append(" and (created_at < :before or (created_at = :before and id < :beforeId))");
			parameters.put("before", DatabaseTime.of(beforeCreatedAt));
			parameters.put("beforeId", beforeId);
		}
		sql.append(" order by created_at desc, id desc limit :limit");
		parameters.put("limit", limit);
		return jdbc.sql(sql.toString()).params(parameters).query(OutboundMessageStore.MAPPER).list();
	}

}
