package dev.igautomation.outbound;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the outcomes of attempts answered together in one transaction (see {@link OutboundWriters}), their changes
 * of status published as one {@link MessageStatusesChanged}. What becomes of a message follows from Meta's answer:
 * sent, failed, tried again later, or left waiting for its echo when Meta could not say.
 */
@Component
class OutcomeWrites {

	private final OutboundMessageStore store;

	private final StatusEvents statusEvents;

	private final TransactionTemplate transaction;

	OutcomeWrites(OutboundMessageStore store, StatusEvents statusEvents, TransactionTemplate transaction) {
		this.store = store;
		this.statusEvents = statusEvents;
		this.transaction = transaction;
	}

	List<SendOutcome> recordAll(List<Outcome> outcomes) {
		return transaction.execute(status -> {
			List<MessageStatusChanged> changes = new ArrayList<>();
			List<SendOutcome> results = new ArrayList<>(outcomes.size());
			for (Outcome outcome : outcomes) {
				results.add(apply(outcome, changes));
			}
			statusEvents.publish(changes);
			return results;
		});
	}

	private SendOutcome apply(Outcome outcome, List<MessageStatusChanged> changes) {
		OutboundMessage message = outcome.message();
		if (outcome instanceof Outcome.Sent sent) {
			if (store.markSent(message.id(), sent.instagramMessageId(), sent.at())) {
				changes.add(statusEvents.changed(message, MessageStatus.SENT, sent.instagramMessageId(), null, sent.at()));
			}
			return new SendOutcome.Done(MessageStatus.SENT);
		}
		if (outcome instanceof Outcome.Failed failed) {
			if (store.markFailed(message.id(), failed.failure(), failed.at())) {
				changes.add(statusEvents.changed(message, MessageStatus.FAILED, null, failed.failure(), failed.at()));
			}
			return new SendOutcome.Done(MessageStatus.FAILED);
		}
		if (outcome instanceof Outcome.Retry retry) {
			store.markRetrying(message.id(), retry.failure(), retry.next(), retry.at());
			return new SendOutcome.Later(retry.next(), MessageStatus.PENDING);
		}
		Outcome.Unconfirmed unconfirmed = (Outcome.Unconfirmed) outcome;
		store.markUnconfirmed(message.id(), unconfirmed.failure(), unconfirmed.at());
		return new SendOutcome.Later(unconfirmed.echoDue(), MessageStatus.SENDING);
	}

}
