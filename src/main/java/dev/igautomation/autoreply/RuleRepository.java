package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores rules. An account's rules in the order they are tried — by priority, then oldest first (ids are
 * time-ordered) — come from one index.
 */
@Repository
class RuleRepository {

	private static final String COLUMNS = """
			id, account_id, name, trigger_type, match_type, pattern, reply_text, fallback_name, priority, enabled,
			cooldown_seconds, media_ids, action, ai_instructions, created_at, updated_at""";

	private static final RowMapper<Rule> MAPPER = (row, number) -> {
		Object cooldown = row.getObject("cooldown_seconds");
		return new Rule(row.getString("id"), row.getString("account_id"), row.getString("name"),
				Rule.Trigger.of(row.getString("trigger_type")), Rule.MatchType.of(row.getString("match_type")),
				row.getString("pattern"), row.getString("reply_text"), row.getString("fallback_name"),
				row.getInt("priority"), row.getBoolean("enabled"),
				cooldown == null ? null : Duration.ofSeconds(((Number) cooldown).longValue()),
				mediaIds(row.getString("media_ids")), Rule.Action.of(row.getString("action")),
				row.getString("ai_instructions"), DatabaseTime.instant(row, "created_at"),
				DatabaseTime.instant(row, "updated_at"));
	};

	private final JdbcClient jdbc;

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Rule rule) {
		jdbc.sql("insert into auto_reply_rule (" + COLUMNS + ") values (:id, :account, :name, :trigger, :match, "
				+ ":pattern, :reply, :fallback, :priority, :enabled, :cooldown, :media, :action, :instructions, :created, :updated)")
			.params(values(rule))
			.update();
	}

	void update(Rule rule) {
		jdbc.sql("""
				update auto_reply_rule set name = :name, trigger_type = :trigger, match_type = :match,
				    pattern = :pattern, reply_text = :reply, fallback_name = :fallback, priority = :priority,
				    enabled = :enabled, cooldown_seconds = :cooldown, media_ids = :media,
				    action = :action, ai_instructions = :instructions, updated_at = :updated
				where id = :id""").params(values(rule)).update();
	}

	boolean delete(String accountId, String id) {
		return jdbc.sql("delete from auto_reply_rule where account_id = ? and id = ?").params(accountId, id).update() > 0;
	}

	Optional<Rule> find(String accountId, String id) {
		return jdbc.sql("select " + COLUMNS + " from auto_reply_rule where account_id = ? and id = ?")
			.params(accountId, id)
			.query(MAPPER)
			.optional();
	}

	/** An account's rules in the order they are tried, after the position of the previous page. */
	List<Rule> list(String accountId, Integer afterPriority, String afterId, int limit) {
		if (afterPriority == null) {
			return jdbc.sql("select " + COLUMNS + " from auto_reply_rule where account_id = ? "
					+ "order by priority, id limit ?").params(accountId, limit).query(MAPPER).list();
		}
		return jdbc.sql("select " + COLUMNS + " from auto_reply_rule where account_id = ? "
				+ "and (priority > ? or (priority = ? and id > ?)) order by priority, id limit ?")
			.params(accountId, afterPriority, afterPriority, afterId, limit)
			.query(MAPPER)
			.list();
	}

	/** The enabled rules an account has for a trigger, in the order they are tried. */
	List<Rule> enabled(String accountId, Rule.Trigger trigger) {
		return jdbc.sql("select " + COLUMNS + " from auto_reply_rule where account_id = ? and trigger_type = ? "
				+ "and enabled = true order by priority, id").params(accountId, trigger.value()).query(MAPPER).list();
	}

	private static Map<String, Object> values(Rule rule) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", rule.id());
		values.put("account", rule.accountId());
		values.put("name", rule.name());
		values.put("trigger", rule.trigger().value());
		values.put("match", rule.matchType().value());
		values.put("pattern", rule.pattern());
		values.put("reply", rule.replyText());
		values.put("fallback", rule.fallbackName());
		values.put("priority", rule.priority());
		values.put("enabled", rule.enabled());
		values.put("cooldown", rule.cooldown() == null ? null : rule.cooldown().toSeconds());
		values.put("media", rule.mediaIds().isEmpty() ? null : String.join(",", rule.mediaIds()));
		values.put("action", rule.action().value());
		values.put("instructions", rule.aiInstructions());
		values.put("created", DatabaseTime.of(rule.createdAt()));
		values.put("updated", DatabaseTime.of(rule.updatedAt()));
		return values;
	}

	private static List<String> mediaIds(String column) {
		return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
	}

}
