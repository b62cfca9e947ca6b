package dev.igautomation.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code conversation}. The list is a range of {@code ix_conversation_account_activity} read
 * backwards from the cursor; its filters narrow that range.
 */
@Repository
class ConversationStore {

	private static final String COLUMNS = """
			account_id, user_id, username, name, first_seen_at, last_activity_at, last_preview, last_direction,
			last_user_message_at, message_count, read_up_to, unread_count, assignee_id, state, done_at, updated_at""";

	private static final RowMapper<ConversationRow> MAPPER = (row, number) -> new ConversationRow(
			row.getString("account_id"), row.getString("user_id"), row.getString("username"), row.getString("name"),
			DatabaseTime.instant(row, "first_seen_at"), DatabaseTime.instant(row, "last_activity_at"),
			row.getString("last_preview"), row.getString("last_direction"),
			DatabaseTime.instant(row, "last_user_message_at"), row.getLong("message_count"),
			DatabaseTime.instant(row, "read_up_to"), row.getInt("unread_count"), row.getString("assignee_id"),
			row.getString("state"), DatabaseTime.instant(row, "done_at"), DatabaseTime.instant(row, "updated_at"));

	private final JdbcClient jdbc;

	ConversationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ConversationRow> find(String accountId, String userId) {
		return jdbc.sql("select " + COLUMNS + " from conversation where account_id = ? and user_id = ?")
			.params(accountId, userId)
			.query(MAPPER)
			.optional();
	}

	/** Writes the row as it is now, whether or not it was there. */
	void save(ConversationRow row) {
		if (update(row) == 0) {
			try {
				jdbc.sql("insert into conversation (" + COLUMNS + ") values (:accountId, :userId, :username, :name, "
						+ ":firstSeenAt, :lastActivityAt, :lastPreview, :lastDirection, :lastUserMessageAt, "
						+ ":messageCount, :readUpTo, :unreadCount, :assigneeId, :state, :doneAt, :updatedAt)")
					.params(parameters(row))
					.update();
			}
			catch (DuplicateKeyException inserted) {
				update(row);
			}
		}
	}

	private int update(ConversationRow row) {
		return jdbc.sql("""
				update conversation set username = :username, name = :name, first_seen_at = :firstSeenAt,
				last_activity_at = :lastActivityAt, last_preview = :lastPreview, last_direction = :lastDirection,
				last_user_message_at = :lastUserMessageAt, message_count = :messageCount, read_up_to = :readUpTo,
				unread_count = :unreadCount, assignee_id = :assigneeId, state = :state, done_at = :doneAt,
				updated_at = :updatedAt where account_id = :accountId and user_id = :userId""")
			.params(parameters(row))
			.update();
	}

	private static Map<String, Object> parameters(ConversationRow row) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("accountId", row.accountId());
		parameters.put("userId", row.userId());
		parameters.put("username", row.username());
		parameters.put("name", row.name());
		parameters.put("firstSeenAt", DatabaseTime.of(row.firstSeenAt()));
		parameters.put("lastActivityAt", DatabaseTime.of(row.lastActivityAt()));
		parameters.put("lastPreview", row.lastPreview());
		parameters.put("lastDirection", row.lastDirection());
		parameters.put("lastUserMessageAt", time(row.lastUserMessageAt()));
		parameters.put("messageCount", row.messageCount());
		parameters.put("readUpTo", time(row.readUpTo()));
		parameters.put("unreadCount", row.unreadCount());
		parameters.put("assigneeId", row.assigneeId());
		parameters.put("state", row.state());
		parameters.put("doneAt", time(row.doneAt()));
		parameters.put("updatedAt", DatabaseTime.of(row.updatedAt()));
		return parameters;
	}

	private static Object time(Instant instant) {
		return instant == null ? null : DatabaseTime.of(instant);
	}

	/**
	 * What to list. {@code pausedUsers}: the users auto-replies are paused for, when only those are wanted;
	 * {@code windowOpenSince}: only users who wrote after it; {@code search}: a part of the username, name or last
	 * message.
	 */
	record Query(Collection<String> accountIds, boolean done, boolean unread, String assigneeId,
			Collection<String> pausedUsers, Instant windowOpenSince, String search) {
	}

	/** Where the previous page ended. */
	record Position(Instant lastActivityAt, String accountId, String userId) {
	}

	List<ConversationRow> list(Query query, Position after, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversation where account_id in (:accounts)"
				+ " and state = :state");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("accounts", query.accountIds());
		parameters.put("state", query.done() ? ConversationRow.DONE : ConversationRow.OPEN);
		if (query.unread()) {
			sql.append(" and unread_count > 0");
		}
		if (query.assigneeId() != null) {
			sql.append(" and assignee_id = :assignee");
			parameters.put("assignee", query.assigneeId());
		}
		if (query.pausedUsers() != null) {
			if (query.pausedUsers().isEmpty()) {
				return List.of();
			}
			sql.append(" and user_id in (:paused)");
			parameters.put("paused", query.pausedUsers());
		}
		if (query.windowOpenSince() != null) {
			sql.append(" and last_user_message_at > :windowSince");
			parameters.put("windowSince", DatabaseTime.of(query.windowOpenSince()));
		}
		if (query.search() != null) {
			sql.append(" and (lower(username) like :search or lower(name) like :search or lower(last_preview) like "
					+ ":search)");
			parameters.put("search", "%" + query.search().toLowerCase(java.util.Locale.ROOT)
				.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (after != null) {
			sql.append(" and (last_activity_at < :at or (last_activity_at = :at and (account_id < :account or "
					+ "(account_id = :account and user_id < :user))))");
			parameters.put("at", DatabaseTime.of(after.lastActivityAt()));
			parameters.put("account", after.accountId());
			parameters.put("user", after.userId());
		}
		sql.append(" order by last_activity_at desc, account_id desc, user_id desc limit :limit");
		parameters.put("limit", limit);
		return jdbc.sql(sql.toString()).params(parameters).query(MAPPER).list();
	}

}
