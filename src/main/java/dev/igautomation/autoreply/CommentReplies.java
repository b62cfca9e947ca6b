package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public replies under comments: one per comment (its id is the key, so a comment handled again is not answered
 * again), a text chosen at random among the rule's but never the one the rule used last (Meta treats the same text
 * posted hundreds of times as spam), and what Meta answered stored with it.
 */
@Component
class CommentReplies {

	private static final Logger log = LoggerFactory.getLogger(CommentReplies.class);

	/** A public reply as stored. */
	record PublicReply(String commentId, String ruleId, String text, String status, String replyId,
			Integer errorCode, String errorMessage, Instant createdAt, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	private final Clock clock;

	CommentReplies(JdbcClient jdbc, AccountCredentials credentials, GraphClient graph, Clock clock) {
		this.jdbc = jdbc;
		this.credentials = credentials;
		this.graph = graph;
		this.clock = clock;
	}

	/** Answers the comment publicly with one of the rule's texts, unless it was answered before. */
	void reply(String accountId, Rule rule, String commentId) {
		List<String> texts = rule.publicReplies();
		if (texts.isEmpty()) {
			return;
		}
		String text = pick(texts, lastText(rule.id()));
		Instant now = clock.instant();
		int stored = jdbc.sql("""
				insert into comment_public_reply (comment_id, account_id, rule_id, text, status, created_at, updated_at)
				values (?, ?, ?, ?, 'sending', ?, ?) on conflict do nothing""")
			.params(commentId, accountId, rule.id(), text, DatabaseTime.of(now), DatabaseTime.of(now))
			.update();
		if (stored == 0) {
			return;
		}
		SendingAccount account = credentials.sendingAccount(accountId);
		try {
			String replyId = graph.replyToComment(account.accessToken(), commentId, text);
			jdbc.sql("update comment_public_reply set status = 'sent', reply_id = ?, updated_at = ? where comment_id = ?")
				.params(replyId, DatabaseTime.of(clock.instant()), commentId)
				.update();
		}
		catch (GraphApiException ex) {
			log.warn("Rule {} could not answer comment {} publicly: {}", rule.id(), commentId, ex.getMessage());
			String message = ex.getMessage() == null ? "Meta gave no reason" : ex.getMessage();
			jdbc.sql("""
					update comment_public_reply set status = 'failed', error_code = ?, error_message = ?, updated_at = ?
					where comment_id = ?""")
				.params(ex.code(), message.length() > 2000 ? message.substring(0, 2000) : message,
						DatabaseTime.of(clock.instant()), commentId)
				.update();
		}
	}

	/** An account's public replies, newest first, after the previous page's last (null for the first page). */
	List<PublicReply> list(String accountId, Instant beforeCreatedAt, String beforeCommentId, int limit) {
		String columns = """
				select comment_id, rule_id, text, status, reply_id, error_code, error_message, created_at, updated_at
				from comment_public_reply where account_id = ?""";
		String order = " order by created_at desc, comment_id desc limit ?";
		var query = beforeCreatedAt == null ? jdbc.sql(columns + order).params(accountId, limit)
				: jdbc.sql(columns + " and (created_at < ? or (created_at = ? and comment_id < ?))" + order)
					.params(accountId, DatabaseTime.of(beforeCreatedAt), DatabaseTime.of(beforeCreatedAt),
							beforeCommentId, limit);
		return query
			.query((row, n) -> new PublicReply(row.getString("comment_id"), row.getString("rule_id"),
					row.getString("text"), row.getString("status"), row.getString("reply_id"),
					(Integer) row.getObject("error_code", Integer.class), row.getString("error_message"),
					DatabaseTime.instant(row, "created_at"), DatabaseTime.instant(row, "updated_at")))
			.list();
	}

	private Optional<String> lastText(String ruleId) {
		return jdbc.sql("select text from comment_public_reply where rule_id = ? order by created_at desc limit 1")
			.params(ruleId)
			.query(String.class)
			.optional();
	}

	private static String pick(List<String> texts, Optional<String> last) {
		List<String> others = texts.stream().filter(text -> last.isEmpty() || !text.equals(last.get())).toList();
		List<String> from = others.isEmpty() ? texts : others;
		return from.get(ThreadLocalRandom.current().nextInt(from.size()));
	}

}
