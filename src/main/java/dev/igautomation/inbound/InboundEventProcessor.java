package dev.igautomation.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import dev.igautomation.system.AfterCommit;
import dev.igautomation.system.JobQueue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job stored events cause: for each, in the order they happened, finds the account it is for and announces it as
 * {@link InstagramEventReceived}, whose listeners forward it to the CRM, match echoes and read receipts, and answer
 * it. The events stored together are processed in one transaction; should that fail, each is tried on its own, and
 * one that still fails is retried later by a job of its own, so it holds up no other. An event for an account the
 * service does not know stays stored, with a warning once per unknown account.
 */
@Component
class InboundEventProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundEventProcessor.class);

	private final StoredEvents storedEvents;

	private final Accounts accounts;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final JobQueue jobs;

	private final Clock clock;

	private final Set<String> unknownAccountsWarned = ConcurrentHashMap.newKeySet();

	InboundEventProcessor(StoredEvents storedEvents, Accounts accounts, ApplicationEventPublisher publisher,
			TransactionTemplate transaction, JobQueue jobs, Clock clock) {
		this.storedEvents = storedEvents;
		this.accounts = accounts;
		this.publisher = publisher;
		this.transaction = transaction;
		this.jobs = jobs;
		this.clock = clock;
	}

	void process(List<String> eventIds) {
		AfterCommit.scope(() -> {
			try {
				transaction.executeWithoutResult(status -> storedEvents.findAll(eventIds).forEach(this::announce));
			}
			catch (RuntimeException ex) {
				if (eventIds.size() == 1) {
					throw ex;
				}
				log.warn("Processing {} events together failed; processing each on its own", eventIds.size(), ex);
				eventIds.forEach(this::processAlone);
			}
		});
	}

	private void processAlone(String eventId) {
		try {
			transaction.executeWithoutResult(status -> storedEvents.findAll(List.of(eventId)).forEach(this::announce));
		}
		catch (RuntimeException ex) {
			log.warn("Processing event {} failed; a job of its own will retry it", eventId, ex);
			Instant retryAt = clock.instant().plusSeconds(5);
			transaction.executeWithoutResult(status -> jobs.schedule(
					InboundEvents.PROCESS.instance(eventId + ":retry").data(new EventBatch(List.of(eventId))).build(),
					retryAt));
		}
	}

	private void announce(StoredEvent event) {
		if (event.kind() == EventKind.TEST) {
			return;
		}
		Optional<AccountSummary> account = accounts.findByInstagramAccountId(event.instagramAccountId());
		if (account.isEmpty()) {
			if (unknownAccountsWarned.add(event.instagramAccountId())) {
				log.warn("Events arrive for Instagram account {}, which no account here has: they are stored but not "
						+ "forwarded or answered. Add the account with POST /api/v1/accounts.",
						event.instagramAccountId());
			}
			return;
		}
		publisher.publishEvent(new InstagramEventReceived(event, account.get()));
	}

}
