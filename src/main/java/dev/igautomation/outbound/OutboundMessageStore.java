package dev.igautomation.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores outbound messages. The unique key on (account, idempotency key) is what makes a send happen once; every
 * change of status is a conditional update, so concurrent attempts, echoes and read receipts cannot undo each other.
 * A message not yet sent or failed has {@code next_attempt_at}: when to attempt it (pending), or when to stop waiting
 * for the outcome of the attempt under way (sending); {@link SendSweep} looks for those due.
 */
@Repository
class OutboundMessageStore {

	static final String COLUMNS = """
			id, account_id, idempotency_key, request_hash, recipient_id, comment_id, body, text, tag, source, status,
			attempts, instagram_message_id, error_code, error_subcode, error_message, fbtrace_id, next_attempt_at,
			attempt_started_at, in_flight_until, created_at, updated_at, sent_at, read_at, rule_id""";

	static final RowMapper<OutboundMessage> MAPPER = (row, number) -> new OutboundMessage(row.getString("id"),
			row.getString("account_id"), row.getString("idempotency_key"), row.getString("request_hash"),
			row.getString("recipient_id"), row.getString("comment_id"), row.getString("body"), row.getString("text"),
			row.getString("tag"), row.getString("source"), MessageStatus.of(row.getString("status")),
			row.getInt("attempts"), row.getString("instagram_message_id"), (Integer) row.getObject("error_code"),
			(Integer) row.getObject("error_subcode"), row.getString("error_message"), row.getString("fbtrace_id"),
			DatabaseTime.instant(row, "next_attempt_at"), DatabaseTime.instant(row, "attempt_started_at"), DatabaseTime.instant(row, "in_flight_until"),
			DatabaseTime.instant(row, "created_at"), DatabaseTime.instant(row, "updated_at"), DatabaseTime.instant(row, "sent_at"), DatabaseTime.instant(row, "read_at"),
			row.getString("rule_id"));

	private final JdbcClient jdbc;

	OutboundMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new message to send; false when the account already has one under this idempotency key. Stored
	 * {@code sending} when its first attempt starts right after, {@code pending} otherwise; either way due again at
	 * {@code due}.
	 */
	boolean insertIfAbsent(NewMessage message, boolean attemptingNow, Instant now, Instant inFlightUntil,
			Instant due) {
		return jdbc.sql("""
				insert into outbound_message (id, account_id, idempotency_key, request_hash, recipient_id, comment_id,
				    body, text, tag, source, status, attempts, attempt_started_at, in_flight_until, next_attempt_at,
				    created_at, updated_at, rule_id)
				values (:id, :account, :key, :hash, :recipient, :comment, :body, :text, :tag, :source, :status,
				    :attempts, :started, :inFlight, :due, :now, :now, :rule)
				on conflict do nothing""")
			.param("status", attemptingNow ? "sending" : "pending")
			.param("attempts", attemptingNow ? 1 : 0)
			.param("started", attemptingNow ? DatabaseTime.of(now) : null)
			.param("due", DatabaseTime.of(due))
			.param("id", message.id())
			.param("account", message.accountId())
			.param("key", message.idempotencyKey())
			.param("hash", message.requestHash())
			.param("recipient", message.recipientId())
			.param("comment", message.commentId())
			.param("body", message.body())
			.param("text", message.text())
			.param("tag", message.tag())
			.param("source", message.source())
			.param("rule", message.ruleId())
			.param("inFlight", DatabaseTime.of(inFlightUntil))
			.param("now", DatabaseTime.of(now))
			.update() > 0;
	}

	private static JdbcClient.StatementSpec withFailure(JdbcClient.StatementSpec statement, Failure failure) {
		return statement.param("code", failure.code())
			.param("subcode", failure.subcode())
			.param("message", failure.message())
			.param("trace", failure.fbtraceId());
	}

	/** What a new message is made of. */
	record NewMessage(String id, String accountId, String idempotencyKey, String requestHash, String recipientId,
			String commentId, String body, String text, String tag, String source, String ruleId) {
	}

	Optional<OutboundMessage> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from outbound_message where id = ?").param(id).query(MAPPER).optional();
	}

	Optional<OutboundMessage> findByKey(String accountId, String idempotencyKey) {
		return jdbc.sql("select " + COLUMNS + " from outbound_message where account_id = ? and idempotency_key = ?")
			.params(accountId, idempotencyKey)
			.query(MAPPER)
			.optional();
	}

	Optional<OutboundMessage> findByInstagramMessageId(String accountId, String mid) {
		return jdbc.sql("select " + COLUMNS + " from outbound_message where instagram_message_id = ? and account_id = ?")
			.params(mid, accountId)
			.query(MAPPER)
			.optional();
	}

	/** The message being sent to the recipient that an echo with this text can be the echo of, oldest first. */
	Optional<OutboundMessage> findSendingTo(String accountId, String recipientId, String text) {
		return jdbc.sql("select " + COLUMNS + """
				 from outbound_message
				where account_id = ? and recipient_id = ? and status = 'sending' and instagram_message_id is null
				  and %s
				order by attempt_started_at, id limit 1""".formatted(text == null ? "text is null" : "text = ?"))
			.params(text == null ? List.of(accountId, recipientId) : List.of(accountId, recipientId, text))
			.query(MAPPER)
			.optional();
	}

	/**
	 * Takes a pending message for an attempt, to be looked at again at {@code outcomeDue} if its outcome is not
	 * recorded by then; false when someone else took it first.
	 */
	boolean claim(String id, Instant now, Instant outcomeDue) {
		return jdbc.sql("""
				update outbound_message set status = 'sending', attempts = attempts + 1, attempt_started_at = :now,
				    next_attempt_at = :due, updated_at = :now
				where id = :id and status = 'pending'""")
			.param("now", DatabaseTime.of(now))
			.param("due", DatabaseTime.of(outcomeDue))
			.param("id", id)
			.update() > 0;
	}

	/** The messages due for an attempt, or for a look at an attempt's outcome, at {@code now}; soonest first. */
	List<OutboundMessage> due(Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from outbound_message
				where status in ('pending', 'sending') and next_attempt_at <= ?
				order by next_attempt_at limit ?""")
			.params(DatabaseTime.of(now), limit)
			.query(MAPPER)
			.list();
	}

	/** Moves a message's next look to {@code at}. */
	void postpone(String id, Instant at) {
		jdbc.sql("update outbound_message set next_attempt_at = ? where id = ? and status in ('pending', 'sending')")
			.params(DatabaseTime.of(at), id)
			.update();
	}

	/** Records Meta's acceptance; false when an echo had already recorded it. */
	boolean markSent(String id, String instagramMessageId, Instant now) {
		return jdbc.sql("""
				update outbound_message set status = 'sent', instagram_message_id = :mid, sent_at = :now,
				    error_code = null, error_subcode = null, error_message = null, fbtrace_id = null,
				    in_flight_until = null, next_attempt_at = null, updated_at = :now
				where id = :id and status in ('pending', 'sending')""")
			.param("mid", instagramMessageId)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	boolean markRetrying(String id, Failure failure, Instant next, Instant now) {
		return withFailure(jdbc.sql("""
				update outbound_message set status = 'pending', next_attempt_at = :next, error_code = :code,
				    error_subcode = :subcode, error_message = :message, fbtrace_id = :trace, in_flight_until = null,
				    updated_at = :now
				where id = :id and status = 'sending'""")
			.param("next", DatabaseTime.of(next)), failure)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	/** Leaves a message whose outcome Meta could not tell waiting for its echo. */
	boolean markUnconfirmed(String id, Failure failure, Instant now) {
		return withFailure(jdbc.sql("""
				update outbound_message set error_code = :code, error_subcode = :subcode, error_message = :message,
				    fbtrace_id = :trace, in_flight_until = null, updated_at = :now
				where id = :id and status = 'sending'"""), failure)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	/** Puts back a message whose echo never came, for another attempt now. */
	boolean release(String id, Instant now) {
		return jdbc.sql("""
				update outbound_message set status = 'pending', next_attempt_at = :now, updated_at = :now
				where id = :id and status = 'sending'""")
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	boolean markFailed(String id, Failure failure, Instant now) {
		return withFailure(jdbc.sql("""
				update outbound_message set status = 'failed', next_attempt_at = null, error_code = :code,
				    error_subcode = :subcode, error_message = :message, fbtrace_id = :trace, in_flight_until = null,
				    updated_at = :now
				where id = :id and status in ('pending', 'sending')"""), failure)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	/** The sent messages to a user that a read receipt at {@code readAt} covers. */
	List<OutboundMessage> sentBefore(String accountId, String recipientId, Instant readAt) {
		return jdbc.sql("select " + COLUMNS + """
				 from outbound_message
				where account_id = ? and recipient_id = ? and status = 'sent' and sent_at <= ?""")
			.params(accountId, recipientId, DatabaseTime.of(readAt))
			.query(MAPPER)
			.list();
	}

	boolean markRead(String id, Instant readAt, Instant now) {
		return jdbc.sql("""
				update outbound_message set status = 'read', read_at = :read, updated_at = :now
				where id = :id and status = 'sent'""")
			.param("read", DatabaseTime.of(readAt))
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() > 0;
	}

	/** What went wrong with an attempt, as Meta said it. */
	record Failure(Integer code, Integer subcode, String message, String fbtraceId) {

		Failure {
			message = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
		}

	}

}
