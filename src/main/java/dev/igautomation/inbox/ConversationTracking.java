package dev.igautomation.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.autoreply.ContactStates;
import dev.igautomation.inbound.ConversationEvents;
import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.MessageStatusChanged;
import dev.igautomation.outbound.MessageStatusesChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each conversation's row up to date from its stored events: summed up again from them (so that running twice
 * for the same events, as a listener may, changes nothing more), its unread count counted from where it was read,
 * reopened when the user writes after it was marked done; and records the change for live pages. Each conversation
 * is written in a transaction of its own, outside of which its user's profile is fetched once.
 */
@Component
class ConversationTracking {

	private final InboundEvents inbound;

	private final ConversationEvents events;

	private final ConversationStore store;

	private final InboxChanges changes;

	private final ContactStates contacts;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ConversationTracking(InboundEvents inbound, ConversationEvents events, ConversationStore store,
			InboxChanges changes, ContactStates contacts, TransactionTemplate transaction, Clock clock) {
		this.inbound = inbound;
		this.events = events;
		this.store = store;
		this.changes = changes;
		this.contacts = contacts;
		this.transaction = transaction;
		this.clock = clock;
	}

	void track(InstagramEventsReceived batch) {
		Map<String, InstagramEventReceived> touched = new LinkedHashMap<>();
		for (InstagramEventReceived received : inbound.received(batch)) {
			StoredEvent event = received.event();
			if (event.userId() != null && !event.userId().equals(event.instagramAccountId())) {
				touched.put(received.account().id() + ":" + event.userId(), received);
			}
		}
		touched.values().forEach(received -> refresh(received.account(), received.event().userId()));
	}

	/** A message sent from here changed status: its thread shows it. */
	void statusesChanged(MessageStatusesChanged changed) {
		transaction.executeWithoutResult(status -> {
			for (MessageStatusChanged change : changed.changes()) {
				if (change.recipientId() != null) {
					changes.record(change.accountId(), change.recipientId(), "status");
				}
			}
		});
	}

	private void refresh(AccountSummary account, String userId) {
		Optional<ConversationRow> existing = store.find(account.id(), userId);
		ContactStates.Profile profile = existing.filter(row -> row.username() != null || row.name() != null)
			.map(row -> new ContactStates.Profile(row.username(), row.name()))
			.orElseGet(() -> contacts.profile(account.id(), userId));
		transaction.executeWithoutResult(status -> {
			Optional<ConversationEvents.Summary> summary = events.summary(account.instagramAccountId(), userId);
			if (summary.isEmpty()) {
				return;
			}
			ConversationRow row = summed(account, userId, summary.get(), store.find(account.id(), userId), profile);
			store.save(row);
			changes.record(account.id(), userId, "message");
		});
	}

	private ConversationRow summed(AccountSummary account, String userId, ConversationEvents.Summary summary,
			Optional<ConversationRow> existing, ContactStates.Profile profile) {
		Instant readUpTo = existing.map(ConversationRow::readUpTo).orElse(null);
		int unread = events.messagesFromUserAfter(account.instagramAccountId(), userId, readUpTo);
		String state = existing.map(ConversationRow::state).orElse(ConversationRow.OPEN);
		Instant doneAt = existing.map(ConversationRow::doneAt).orElse(null);
		if (doneAt != null && summary.lastUserMessageAt() != null && summary.lastUserMessageAt().isAfter(doneAt)) {
			state = ConversationRow.OPEN;
			doneAt = null;
		}
		StoredEvent last = summary.last();
		return new ConversationRow(account.id(), userId, profile.username(), profile.name(), summary.firstSeenAt(),
				last.timestamp(), Previews.of(last), last.direction() == Direction.INBOUND ? "inbound" : "outbound",
				summary.lastUserMessageAt(), summary.messageCount(), readUpTo, unread,
				existing.map(ConversationRow::assigneeId).orElse(null), state, doneAt, clock.instant());
	}

}
