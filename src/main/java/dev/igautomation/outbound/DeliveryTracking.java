package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.inbound.StoredEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows sent messages through Meta's webhooks. An echo is matched to the message it echoes by its mid, or, when
 * it arrives before the Graph API's answer has been recorded, to the message being sent to that user with that text;
 * an echo that matches nothing was written by a person at the business. A read receipt marks every message sent to
 * that user before it as read. Each event is tracked in a transaction of its own, apart from what other features
 * do with the same events.
 */
@Component
class DeliveryTracking {

	private static final Logger log = LoggerFactory.getLogger(DeliveryTracking.class);

	private final InboundEvents inbound;

	private final TransactionTemplate transaction;

	private final OutboundMessageStore repository;

	private final StatusEvents statusEvents;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	DeliveryTracking(InboundEvents inbound, TransactionTemplate transaction, OutboundMessageStore repository,
			StatusEvents statusEvents, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.inbound = inbound;
		this.transaction = transaction;
		this.repository = repository;
		this.statusEvents = statusEvents;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	void track(InstagramEventsReceived stored) {
		for (InstagramEventReceived received : inbound.received(stored)) {
			EventKind kind = received.event().kind();
			if (kind == EventKind.ECHO || kind == EventKind.READ) {
				transaction.executeWithoutResult(status -> track(received));
			}
		}
	}

	private void track(InstagramEventReceived received) {
		StoredEvent event = received.event();
		String accountId = received.account().id();
		if (event.kind() == EventKind.ECHO && event.mid() != null) {
			echoed(accountId, event);
		}
		else if (event.kind() == EventKind.READ && event.userId() != null) {
			read(accountId, event);
		}
	}

	private void echoed(String accountId, StoredEvent echo) {
		if (repository.findByInstagramMessageId(accountId, echo.mid()).isPresent()) {
			return;
		}
		Optional<OutboundMessage> sending = repository.findSendingTo(accountId, echo.recipientId(), echo.text());
		if (sending.isPresent()) {
			Instant now = clock.instant();
			if (repository.markSent(sending.get().id(), echo.mid(), now)) {
				log.debug("Echo {} confirms message {}", echo.mid(), sending.get().id());
				statusEvents.publish(List.of(statusEvents.changed(sending.get(), MessageStatus.SENT, echo.mid(), null,
						now)));
			}
			return;
		}
		events.publishEvent(new HumanMessageSent(accountId, echo.userId(), echo.timestamp(),
				HumanMessageSent.Channel.INSTAGRAM_APP));
	}

	/**
	 * Marks read what the user has seen: the message the receipt names and everything sent to them before it, or
	 * before the receipt itself, whichever is later (clocks differ between Meta and here).
	 */
	private void read(String accountId, StoredEvent receipt) {
		Instant now = clock.instant();
		Instant seenUpTo = receipt.timestamp();
		String readMid = receipt.details() == null ? null : json.readTree(receipt.details()).path("mid").asString(null);
		if (readMid != null) {
			Optional<OutboundMessage> named = repository.findByInstagramMessageId(accountId, readMid);
			if (named.isPresent() && named.get().sentAt() != null && named.get().sentAt().isAfter(seenUpTo)) {
				seenUpTo = named.get().sentAt();
			}
		}
		List<MessageStatusChanged> changes = new ArrayList<>();
		for (OutboundMessage message : repository.sentBefore(accountId, receipt.userId(), seenUpTo)) {
			if (repository.markRead(message.id(), receipt.timestamp(), now)) {
				changes.add(statusEvents.changed(message, MessageStatus.READ, message.instagramMessageId(), null,
						receipt.timestamp()));
			}
		}
		statusEvents.publish(changes);
	}

}
