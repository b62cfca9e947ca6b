package dev.igautomation.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import dev.igautomation.system.GroupCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores received events durably and once, and hands them to the features that react to them: a webhook is
 * acknowledged only once its events are committed (with the bodies arriving at the same moment, see
 * {@link EventWriterConfiguration}), and each feature then reads them through {@link #received}.
 */
@Service
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	/** What listeners never see: the dashboard's test, kinds this version does not know, events kept raw. */
	private static final Set<EventKind> NOT_FOR_LISTENERS = EnumSet.of(EventKind.TEST, EventKind.UNKNOWN,
			EventKind.INVALID);

	private final GroupCommit<EventInserts.Body, Recorded> writer;

	private final StoredEvents stored;

	private final Accounts accounts;

	private final Set<String> unknownAccountsWarned = ConcurrentHashMap.newKeySet();

	InboundEvents(GroupCommit<EventInserts.Body, Recorded> writer, StoredEvents stored, Accounts accounts) {
		this.writer = writer;
		this.stored = stored;
		this.accounts = accounts;
	}

	/** How many events a body held, and how many of them were new. */
	public record Recorded(int received, int stored) {
	}

	/** Stores the events of a webhook not stored before, and returns once they are committed. */
	public Recorded record(List<ReceivedEvent> events) {
		return record(events, EventSource.WEBHOOK);
	}

	/** Stores the events not stored before, marked as having come from {@code source}; returns once committed. */
	public Recorded record(List<ReceivedEvent> events, EventSource source) {
		return events.isEmpty() ? new Recorded(0, 0) : writer.submit(new EventInserts.Body(events, source));
	}

	/** How many events that came from {@code source} were stored since {@code since}. */
	@Transactional(readOnly = true)
	public long countSince(EventSource source, Instant since) {
		return stored.countSince(source, since);
	}

	/**
	 * The stored events of {@code batch} that listeners react to, in the order they happened, each with its account.
	 * An event for an account the service does not know stays stored, with a warning once per unknown account.
	 */
	@Transactional(readOnly = true)
	public List<InstagramEventReceived> received(InstagramEventsReceived batch) {
		List<InstagramEventReceived> received = new ArrayList<>();
		for (StoredEvent event : stored.findAll(batch.eventIds())) {
			if (NOT_FOR_LISTENERS.contains(event.kind())) {
				continue;
			}
			Optional<AccountSummary> account = accounts.findByInstagramAccountId(event.instagramAccountId());
			if (account.isPresent()) {
				received.add(new InstagramEventReceived(event, account.get()));
			}
			else if (unknownAccountsWarned.add(event.instagramAccountId())) {
				log.warn("Events arrive for Instagram account {}, which no account here has: they are stored but not "
						+ "forwarded or answered. Add the account with POST /api/v1/accounts.",
						event.instagramAccountId());
			}
		}
		return received;
	}

}
