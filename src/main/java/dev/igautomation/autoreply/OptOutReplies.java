package dev.igautomation.autoreply;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.optout.OptOuts;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SendCommand;
import org.springframework.stereotype.Component;

/**
 * What automations do with a user's stop and start words: the opt-out is recorded and confirmed with one reply
 * (under a key made from the message, so never twice), and no rule answers the word itself. Every automation asks
 * {@link #silenced} before it sends anything to a user.
 */
@Component
class OptOutReplies {

	private static final Logger log = LoggerFactory.getLogger(OptOutReplies.class);

	private final OptOuts optOuts;

	private final Outbound outbound;

	OptOutReplies(OptOuts optOuts, Outbound outbound) {
		this.optOuts = optOuts;
		this.outbound = outbound;
	}

	/**
	 * Handles a direct message that is a stop or start word; true when it was one (whether or not it changed
	 * anything), so that nothing else answers it.
	 */
	boolean handled(String accountId, StoredEvent message) {
		if (optOuts.wordOf(message.text()).isEmpty()) {
			return false;
		}
		Optional<OptOuts.Change> change = optOuts.recordMessage(accountId, message.senderId(), message.text(),
				message.id(), message.timestamp());
		if (change.isPresent()) {
			log.info("User {} of account {} {}", message.senderId(), accountId,
					change.get() == OptOuts.Change.OPTED_OUT ? "opted out of automated messages" : "opted back in");
			Outbound.Queued queued = outbound.queue(SendCommand.autoReply(accountId, message.senderId(),
					optOuts.confirmation(change.get()), null, "opt-out-confirmation:" + message.id(), null));
			if (queued instanceof Outbound.Queued.Stored stored) {
				outbound.attempt(stored.messageId());
			}
		}
		return true;
	}

	/** Whether the user opted out of the account's automated messages. */
	boolean silenced(String accountId, String userId) {
		return optOuts.optedOut(accountId, userId);
	}

}
