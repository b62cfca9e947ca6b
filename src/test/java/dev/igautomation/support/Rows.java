package dev.igautomation.support;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.system.DatabaseTime;
import dev.igautomation.system.Ids;

/**
 * Rows written straight into the tables, for the persistence slice tests: each account, user and event is new, so a
 * test sees only its own rows even on the database the whole-service tests share.
 */
public final class Rows {

	private final JdbcClient jdbc;

	public Rows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account, as a test refers to it: its id, and the Instagram id events name it by. */
	public record TestAccount(String id, String instagramAccountId) {
	}

	public TestAccount account(Instant now) {
		TestAccount account = new TestAccount(Ids.next("acc"), Api.randomInstagramId());
		jdbc.sql("""
				insert into account (id, instagram_account_id, username, access_token, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, 0)""")
			.params(account.id(), account.instagramAccountId(), "shop_" + account.id().substring(4, 12).toLowerCase(),
					new byte[] { 1 }, DatabaseTime.of(now), DatabaseTime.of(now))
			.update();
		return account;
	}

	/** A direct message from the user ({@code inbound}) or an echo of the account's own ({@code outbound}). */
	public String event(TestAccount account, String userId, String kind, String direction, String text, Instant at) {
		return event(account, userId, kind, direction, text, at, at);
	}

	/** An event that arrived at {@code receivedAt}, long after its own time (history imports, recovered events). */
	public String event(TestAccount account, String userId, String kind, String direction, String text, Instant at,
			Instant receivedAt) {
		String id = Ids.next("evt");
		jdbc.sql("""
				insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id,
				    recipient_id, user_id, mid, text, event_time, received_at, standby, raw)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, '{}')""")
			.params(id, account.instagramAccountId(), "message:mid." + id, kind, direction,
					"inbound".equals(direction) ? userId : account.instagramAccountId(),
					"inbound".equals(direction) ? account.instagramAccountId() : userId, userId, "mid." + id, text,
					DatabaseTime.of(at), DatabaseTime.of(receivedAt))
			.update();
		return id;
	}

	/** A message this service sent or is sending, in {@code status}. */
	public String outbound(TestAccount account, String recipientId, String status, String source, String ruleId,
			Instant createdAt) {
		String id = Ids.next("msg");
		jdbc.sql("""
				insert into outbound_message (id, account_id, idempotency_key, request_hash, recipient_id, body, text,
				    source, status, attempts, instagram_message_id, created_at, updated_at, sent_at, rule_id)
				values (?, ?, ?, 'hash', ?, '{}', 'hello', ?, ?, 1, ?, ?, ?, ?, ?)""")
			.params(id, account.id(), "key-" + id, recipientId, source, status,
					"sent".equals(status) || "read".equals(status) ? "mid." + id : null, DatabaseTime.of(createdAt),
					DatabaseTime.of(createdAt), "sent".equals(status) ? DatabaseTime.of(createdAt) : null, ruleId)
			.update();
		return id;
	}

	/** A CRM delivery of an event ({@code event:<id>}) or of a message's status ({@code status:<id>:<status>}). */
	public String delivery(TestAccount account, String sourceKey, String eventType, String status, Instant at) {
		String id = Ids.next("dlv");
		jdbc.sql("""
				insert into crm_delivery (id, account_id, event_type, source_key, payload, status, attempts,
				    schedule_position, replays, created_at, updated_at)
				values (?, ?, ?, ?, '{}', ?, 0, 0, 0, ?, ?)""")
			.params(id, account.id(), eventType, sourceKey, status, DatabaseTime.of(at), DatabaseTime.of(at))
			.update();
		return id;
	}

	public long count(String table, String column, String value) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
			.param(value)
			.query(Long.class)
			.single();
	}

}
