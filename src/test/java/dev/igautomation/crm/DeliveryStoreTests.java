package dev.igautomation.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Rows;
import dev.igautomation.system.Ids;

/** The CRM deliveries' queries, on each database: the lifecycle of one delivery, and an account's list. */
@Transactional
abstract class DeliveryStoreTests {

	@Autowired
	DeliveryStore store;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	Rows rows;

	Rows.TestAccount account;

	@BeforeEach
	void account() {
		rows = new Rows(jdbc);
		account = rows.account(now);
	}

	@Test
	void aSourceIsDeliveredOnceWhateverTriesToInsertItAgain() {
		String id = Ids.next("dlv");
		assertThat(store.insertIfAbsent(id, account.id(), "message.received", "event:e1", "{\"a\":1}", now)).isTrue();
		assertThat(store.insertIfAbsent(Ids.next("dlv"), account.id(), "message.received", "event:e1", "{}", now))
			.isFalse();

		Delivery stored = store.findBySource(account.id(), "event:e1").orElseThrow();
		assertThat(stored.id()).isEqualTo(id);
		assertThat(stored.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(stored.payload()).isEqualTo("{\"a\":1}");
		assertThat(stored.nextAttemptAt()).isEqualTo(now);
	}

	@Test
	void anOutdatedAttemptChangesNothingAfterARetryByHand() {
		String id = Ids.next("dlv");
		store.insertIfAbsent(id, account.id(), "message.received", "event:e2", "{}", now);
		Delivery first = store.find(id).orElseThrow();

		assertThat(store.markRetrying(first, 503, "Service Unavailable", now.plusSeconds(30), now)).isTrue();
		assertThat(store.markFailed(store.find(id).orElseThrow(), 503, "gave up", true, now)).isTrue();
		Delivery failed = store.find(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(2);
		assertThat(failed.lastError()).isEqualTo("gave up");
		assertThat(store.failedIds(account.id(), 10)).containsExactly(id);

		Delivery requeued = store.requeue(id, now.plusSeconds(60)).orElseThrow();
		assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(requeued.replays()).isEqualTo(1);
		assertThat(requeued.schedulePosition()).isZero();
		assertThat(store.requeue(id, now.plusSeconds(61))).as("a pending delivery is not queued twice").isEmpty();

		assertThat(store.markDelivered(first, 200, now)).as("the attempt from before the retry").isFalse();
		assertThat(store.markDelivered(requeued, 204, now.plusSeconds(62))).isTrue();
		Delivery delivered = store.find(id).orElseThrow();
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivered.lastStatusCode()).isEqualTo(204);
		assertThat(delivered.deliveredAt()).isEqualTo(now.plusSeconds(62));
		assertThat(delivered.lastError()).isNull();
	}

	@Test
	void anAccountsDeliveriesAreListedNewestFirstByStatusAndTypeAfterACursor() {
		String oldest = rows.delivery(account, "event:a", "message.received", "delivered", now);
		String failed = rows.delivery(account, "event:b", "message.received", "failed", now);
		String status = rows.delivery(account, "status:m:sent", "message.status", "delivered", now);
		String newest = rows.delivery(account, "event:c", "message.received", "delivered", now);
		rows.delivery(rows.account(now), "event:a", "message.received", "delivered", now);

		assertThat(store.list(account.id(), null, null, null, 10)).extracting(Delivery::id)
			.containsExactly(newest, status, failed, oldest);
		assertThat(store.list(account.id(), DeliveryStatus.DELIVERED, "message.received", null, 10))
			.extracting(Delivery::id)
			.containsExactly(newest, oldest);
		assertThat(store.list(account.id(), null, null, status, 10)).extracting(Delivery::id)
			.containsExactly(failed, oldest);
		assertThat(store.list(account.id(), null, null, null, 1)).extracting(Delivery::id).containsExactly(newest);
		assertThat(store.findAll(java.util.List.of(newest, oldest))).extracting(Delivery::id)
			.containsExactly(oldest, newest);
	}

	@Test
	void failingAnAccountsPendingDeliveriesLeavesTheRest() {
		String pending = rows.delivery(account, "event:p", "message.received", "pending", now);
		String delivered = rows.delivery(account, "event:d", "message.received", "delivered", now);
		Rows.TestAccount other = rows.account(now);
		String othersPending = rows.delivery(other, "event:p", "message.received", "pending", now);

		assertThat(store.failPendingOf(account.id(), "account deleted", now)).isEqualTo(1);

		assertThat(store.find(pending).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(store.find(pending).orElseThrow().lastError()).isEqualTo("account deleted");
		assertThat(store.find(delivered).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(store.find(othersPending).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
	}

}
