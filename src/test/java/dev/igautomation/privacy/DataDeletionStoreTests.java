package dev.igautomation.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;

/**
 * A user's data deleted at Meta's request, on each database: their events, the messages sent to them and the CRM
 * deliveries about either go, in one transaction; another user's stay; the request is recorded without the user's id.
 */
@Transactional
abstract class DataDeletionStoreTests {

	@Autowired
	DataDeletions deletions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesEveryRowAboutTheUserAndNothingElse() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Rows rows = new Rows(jdbc);
		Rows.TestAccount account = rows.account(now);
		String user = Dms.newUser();
		String other = Dms.newUser();
		String event = rows.event(account, user, "message", "inbound", "delete me", now);
		String message = rows.outbound(account, user, "sent", "api", null, now);
		rows.delivery(account, "event:" + event, "message.received", "delivered", now);
		rows.delivery(account, "status:" + message + ":sent", "message.status", "delivered", now);
		String othersEvent = rows.event(account, other, "message", "inbound", "keep me", now);
		String othersMessage = rows.outbound(account, other, "sent", "api", null, now);
		String othersDelivery = rows.delivery(account, "event:" + othersEvent, "message.received", "delivered", now);

		DataDeletions.Request request = deletions.delete(user);

		assertThat(rows.count("inbound_event", "user_id", user)).isZero();
		assertThat(rows.count("outbound_message", "recipient_id", user)).isZero();
		assertThat(rows.count("crm_delivery", "account_id", account.id())).isOne();
		assertThat(rows.count("crm_delivery", "id", othersDelivery)).isOne();
		assertThat(rows.count("inbound_event", "id", othersEvent)).isOne();
		assertThat(rows.count("outbound_message", "id", othersMessage)).isOne();
		assertThat(deletions.find(request.confirmationCode())).hasValueSatisfying(found -> {
			assertThat(found.status()).isEqualTo("completed");
			assertThat(found.completedAt()).isAfterOrEqualTo(found.requestedAt());
		});
		assertThat(deletions.find("del_unknown")).isEmpty();
	}

}
