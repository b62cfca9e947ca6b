package dev.igautomation.inbound;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job each stored event causes: finds the account it is for and announces it as
 * {@link InstagramEventReceived}, whose listeners forward it to the CRM, match echoes and read receipts, and answer
 * it. An event for an account the service does not know stays stored, with a warning once per unknown account.
 */
@Component
class InboundEventProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundEventProcessor.class);

	private final StoredEvents storedEvents;

	private final Accounts accounts;

	private final ApplicationEventPublisher publisher;

	private final Set<String> unknownAccountsWarned = ConcurrentHashMap.newKeySet();

	InboundEventProcessor(StoredEvents storedEvents, Accounts accounts, ApplicationEventPublisher publisher) {
		this.storedEvents = storedEvents;
		this.accounts = accounts;
		this.publisher = publisher;
	}

	@Transactional
	void process(String eventId) {
		Optional<StoredEvent> stored = storedEvents.find(eventId);
		if (stored.isEmpty() || stored.get().kind() == EventKind.TEST) {
			return;
		}
		StoredEvent event = stored.get();
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
