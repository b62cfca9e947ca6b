package dev.igautomation.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores messages the send API accepted together in one transaction (see {@link OutboundWriters}): each under its
 * idempotency key, unless the key is taken; a person's send pausing the auto-replies to its recipient in the same
 * transaction ({@link HumanMessageSent}).
 */
@Component
class AcceptWrites {

	/** How long the request that stored a message answers for it: a duplicate meanwhile is told to retry. */
	static final Duration IN_FLIGHT = Duration.ofSeconds(30);

	/**
	 * A message to store: taken for its first attempt now ({@code sending}, looked at again at {@code due} if its
	 * outcome is not recorded by then), or left for later ({@code pending}, due at {@code due}).
	 */
	record Acceptance(PreparedMessage prepared, boolean attemptingNow, Instant now, Instant due) {
	}

	private final OutboundMessageStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	AcceptWrites(OutboundMessageStore store, ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.store = store;
		this.events = events;
		this.transaction = transaction;
	}

	/** Stores each message; answers, for each, whether it was new. */
	List<Boolean> storeAll(List<Acceptance> acceptances) {
		return transaction.execute(status -> {
			List<Boolean> created = new ArrayList<>(acceptances.size());
			for (Acceptance acceptance : acceptances) {
				created.add(store(acceptance));
			}
			return created;
		});
	}

	/** Stores one message in the caller's transaction; false when its key is taken. */
	boolean store(Acceptance acceptance) {
		PreparedMessage prepared = acceptance.prepared();
		boolean created = store.insertIfAbsent(prepared.toNew(), acceptance.attemptingNow(), acceptance.now(),
				acceptance.attemptingNow() ? acceptance.now().plus(IN_FLIGHT) : null, acceptance.due());
		SendCommand command = prepared.command();
		if (created && (command.source() == SendCommand.Source.API || command.source() == SendCommand.Source.CONSOLE)
				&& command.recipientId() != null) {
			events.publishEvent(new HumanMessageSent(prepared.accountId(), command.recipientId(), acceptance.now(),
					HumanMessageSent.Channel.SEND_API));
		}
		return created;
	}

}
