package dev.igautomation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.igautomation.support.Dms;
import dev.igautomation.support.Rows;

/** The stored events' queries, on each database: by id, an account's list with its filters and cursor, a thread. */
@Transactional
abstract class EventQueriesTests {

	@Autowired
	StoredEvents events;

	@Autowired
	MessageQueries messages;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	final String user = Dms.newUser();

	Rows rows;

	Rows.TestAccount account;

	@BeforeEach
	void account() {
		rows = new Rows(jdbc);
		account = rows.account(now);
	}

	@Test
	void eventsAreFoundByIdInTheOrderTheyHappened() {
		String later = rows.event(account, user, "message", "inbound", "second", now);
		String earlier = rows.event(account, user, "message", "inbound", "first", now.minusSeconds(5));

		StoredEvent found = events.find(later).orElseThrow();
		assertThat(found.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(found.direction()).isEqualTo(Direction.INBOUND);
		assertThat(found.source()).isEqualTo(EventSource.WEBHOOK);
		assertThat(found.timestamp()).isEqualTo(now);
		assertThat(events.findAll(List.of(later, earlier))).extracting(StoredEvent::text)
			.containsExactly("first", "second");
		assertThat(events.find("evt_missing")).isEmpty();
	}

	@Test
	void countsWhatArrivedFromASourceSinceAnInstant() {
		Instant future = Instant.parse("2099-01-01T00:00:00Z");
		rows.event(account, user, "message", "inbound", "from the future", future);

		long fromThen = events.countSince(EventSource.WEBHOOK, future);
		long after = events.countSince(EventSource.WEBHOOK, future.plusSeconds(1));
		assertThat(fromThen - after).isOne();
		assertThat(events.countSince(EventSource.IMPORT, future)).isZero();
	}

	@Test
	void anAccountsMessagesAreListedNewestFirstWithFiltersAndACursor() {
		String first = rows.event(account, user, "message", "inbound", "one", now.minusSeconds(30));
		String echo = rows.event(account, user, "echo", "outbound", "two", now.minusSeconds(20));
		String other = rows.event(account, Dms.newUser(), "message", "inbound", "three", now.minusSeconds(10));
		rows.event(rows.account(now), user, "message", "inbound", "elsewhere", now);
		MessageQueries.Filter all = new MessageQueries.Filter(null, null, null, null, null);

		assertThat(messages.list(account.instagramAccountId(), all, null, 10)).extracting(StoredEvent::id)
			.containsExactly(other, echo, first);
		assertThat(messages.list(account.instagramAccountId(),
				new MessageQueries.Filter(user, Direction.INBOUND, EventKind.MESSAGE, null, null), null, 10))
			.extracting(StoredEvent::id)
			.containsExactly(first);
		assertThat(messages.list(account.instagramAccountId(),
				new MessageQueries.Filter(null, null, null, now.minusSeconds(20), now.minusSeconds(10)), null, 10))
			.extracting(StoredEvent::id)
			.containsExactly(echo);
		assertThat(messages.list(account.instagramAccountId(), all,
				new MessageQueries.Position(now.minusSeconds(20), echo), 10))
			.extracting(StoredEvent::id)
			.containsExactly(first);
		assertThat(messages.byMid(account.instagramAccountId(), "mid." + echo)).map(StoredEvent::id).contains(echo);
	}

	@Test
	void aConversationKnowsWhenTheUserLastWroteAndItsLastLines() {
		rows.event(account, user, "message", "inbound", "hello", now.minusSeconds(300));
		rows.event(account, user, "echo", "outbound", "hi, how can we help?", now.minusSeconds(200));
		rows.event(account, user, "reaction", "inbound", null, now.minusSeconds(100));
		rows.event(account, user, "message", "inbound", "price?", now.minusSeconds(50));

		assertThat(conversations.lastMessageFromUser(account.instagramAccountId(), user))
			.contains(now.minusSeconds(50));
		assertThat(conversations.lastMessageFromUser(account.instagramAccountId(), Dms.newUser())).isEmpty();
		assertThat(conversations.accountWroteSince(account.instagramAccountId(), user, now.minusSeconds(250))).isTrue();
		assertThat(conversations.accountWroteSince(account.instagramAccountId(), user, now.minusSeconds(200)))
			.isFalse();
		assertThat(conversations.lastLines(account.instagramAccountId(), user, 2))
			.containsExactly(new Conversations.Line(false, "hi, how can we help?"), new Conversations.Line(true, "price?"));
	}

}
