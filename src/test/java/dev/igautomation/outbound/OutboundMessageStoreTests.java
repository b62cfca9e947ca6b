package dev.igautomation.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.outbound.OutboundMessageStore.Failure;
import dev.igautomation.outbound.OutboundMessageStore.NewMessage;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;
import dev.igautomation.system.Ids;

/**
 * The outbound messages' store and queries, on each database: a send's key, its way through the statuses with every
 * change conditional on the one before, and the reads that lists and rules' limits make.
 */
@Transactional
abstract class OutboundMessageStoreTests {

	/** Long before anything the whole-service tests leave behind: these messages are the first due. */
	static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

	@Autowired
	OutboundMessageStore store;

	@Autowired
	OutboundMessageQueries queries;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	Rows rows;

	Rows.TestAccount account;

	final String user = Dms.newUser();

	@BeforeEach
	void account() {
		rows = new Rows(jdbc);
		account = rows.account(now);
	}

	NewMessage message(String key, String text) {
		return new NewMessage(Ids.next("msg"), account.id(), key, "hash-" + key, user, null, "{\"text\":\"" + text + "\"}",
				text, null, "api", null);
	}

	@Test
	void anIdempotencyKeyStoresOneMessagePerAccount() {
		NewMessage first = message("order-1", "Hello");
		assertThat(store.insertIfAbsent(first, false, now, null, LONG_AGO)).isTrue();
		assertThat(store.insertIfAbsent(message("order-1", "Other"), true, now, now, now)).isFalse();

		OutboundMessage stored = store.findByKey(account.id(), "order-1").orElseThrow();
		assertThat(stored.id()).isEqualTo(first.id());
		assertThat(stored.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(stored.attempts()).isZero();
		assertThat(stored.text()).isEqualTo("Hello");
		assertThat(store.findByKey(rows.account(now).id(), "order-1")).isEmpty();
	}

	@Test
	void aSendIsClaimedOnceThenRetriedThenSentAndRead() {
		NewMessage message = message("k", "Hi");
		store.insertIfAbsent(message, false, now, null, LONG_AGO);
		assertThat(store.due(now, 1000)).extracting(OutboundMessage::id).contains(message.id());

		assertThat(store.claim(message.id(), now, now.plusSeconds(30))).isTrue();
		assertThat(store.claim(message.id(), now, now.plusSeconds(30))).as("taken already").isFalse();
		assertThat(store.findSendingTo(account.id(), user, "Hi")).map(OutboundMessage::id).contains(message.id());
		assertThat(store.findSendingTo(account.id(), user, "Other")).isEmpty();

		Failure busy = new Failure(2, 2534022, "x".repeat(1200), "trace");
		assertThat(store.markRetrying(message.id(), busy, now.plusSeconds(5), now)).isTrue();
		OutboundMessage retrying = store.find(message.id()).orElseThrow();
		assertThat(retrying.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(retrying.errorSubcode()).isEqualTo(2534022);
		assertThat(retrying.errorMessage()).hasSize(1000);
		assertThat(retrying.nextAttemptAt()).isEqualTo(now.plusSeconds(5));

		store.claim(message.id(), now.plusSeconds(5), now.plusSeconds(35));
		assertThat(store.markSent(message.id(), "mid.1", now.plusSeconds(6))).isTrue();
		assertThat(store.markSent(message.id(), "mid.1", now.plusSeconds(7))).as("an echo came first").isFalse();
		assertThat(store.markFailed(message.id(), busy, now)).as("sent stays sent").isFalse();
		OutboundMessage sent = store.findByInstagramMessageId(account.id(), "mid.1").orElseThrow();
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.errorCode()).isNull();
		assertThat(sent.nextAttemptAt()).isNull();
		assertThat(store.due(now.plusSeconds(60), 1000)).extracting(OutboundMessage::id).doesNotContain(message.id());

		assertThat(store.sentBefore(account.id(), user, now.plusSeconds(5))).isEmpty();
		assertThat(store.sentBefore(account.id(), user, now.plusSeconds(6))).extracting(OutboundMessage::id)
			.containsExactly(message.id());
		assertThat(store.markRead(message.id(), now.plusSeconds(8), now.plusSeconds(9))).isTrue();
		assertThat(store.find(message.id()).orElseThrow().readAt()).isEqualTo(now.plusSeconds(8));
	}

	@Test
	void anUnconfirmedAttemptWaitsForItsEchoUntilReleased() {
		NewMessage message = message("u", "Hey");
		store.insertIfAbsent(message, true, now, now.plusSeconds(10), now.plusSeconds(30));
		assertThat(store.find(message.id()).orElseThrow().status()).isEqualTo(MessageStatus.SENDING);

		assertThat(store.markUnconfirmed(message.id(), new Failure(null, null, "timed out", null), now)).isTrue();
		OutboundMessage waiting = store.find(message.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(MessageStatus.SENDING);
		assertThat(waiting.inFlightUntil()).isNull();
		assertThat(waiting.errorMessage()).isEqualTo("timed out");

		store.postpone(message.id(), now.plusSeconds(90));
		assertThat(store.find(message.id()).orElseThrow().nextAttemptAt()).isEqualTo(now.plusSeconds(90));
		assertThat(store.release(message.id(), now.plusSeconds(91))).isTrue();
		assertThat(store.find(message.id()).orElseThrow().status()).isEqualTo(MessageStatus.PENDING);
		assertThat(store.markFailed(message.id(), new Failure(10, null, "no", null), now)).isTrue();
		assertThat(store.release(message.id(), now)).isFalse();
	}

	@Test
	void listsAndLimitsReadAnAccountsOwnMessages() {
		String older = rows.outbound(account, user, "sent", "auto_reply", "rul_1", now.minusSeconds(60));
		String failed = rows.outbound(account, user, "failed", "api", null, now.minusSeconds(30));
		String newer = rows.outbound(account, Dms.newUser(), "sent", "api", null, now);
		rows.outbound(rows.account(now), user, "sent", "api", null, now);

		assertThat(queries.list(account.id(), new OutboundMessageQueries.Filter(null, null, null, null), null, null, 10))
			.extracting(OutboundMessage::id)
			.containsExactly(newer, failed, older);
		assertThat(queries.list(account.id(), new OutboundMessageQueries.Filter(user, null, null, null), null, null, 10))
			.extracting(OutboundMessage::id)
			.containsExactly(failed, older);
		assertThat(queries.list(account.id(), new OutboundMessageQueries.Filter(null, "auto_reply", "rul_1",
				MessageStatus.SENT), null, null, 10))
			.extracting(OutboundMessage::id)
			.containsExactly(older);
		assertThat(queries.list(account.id(), new OutboundMessageQueries.Filter(null, null, null, null),
				now.minusSeconds(30), failed, 10))
			.extracting(OutboundMessage::id)
			.containsExactly(older);

		assertThat(queries.lastCreatedByRule("rul_1", user)).contains(now.minusSeconds(60));
		assertThat(queries.lastCreatedByRule("rul_2", user)).isEmpty();
		assertThat(queries.createdForSince(account.id(), user, now.minusSeconds(45))).isTrue();
		assertThat(queries.createdForSince(account.id(), user, now.minusSeconds(30))).isFalse();
		assertThat(queries.privateRepliesSince(account.id(), now.minusSeconds(3600))).isZero();
		store.insertIfAbsent(new NewMessage(Ids.next("msg"), account.id(), "comment-1", "h", null, "c1", "{}", "Thanks",
				null, "auto_reply", "rul_1"), false, now, null, now);
		assertThat(queries.privateRepliesSince(account.id(), now.minusSeconds(3600))).isOne();
		assertThat(queries.privateRepliesSince(account.id(), now)).isZero();
	}

}
