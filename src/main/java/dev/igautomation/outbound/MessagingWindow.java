package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.igautomation.account.SendingAccount;
import dev.igautomation.inbound.Conversations;
import org.springframework.stereotype.Component;

/**
 * Meta's messaging window: a business may answer a user within 24 hours of the user's last message, or, as a person
 * (the {@code HUMAN_AGENT} tag), within 7 days. A send outside it is refused here, before any Graph call, rather than
 * by Meta after one.
 */
@Component
class MessagingWindow {

	static final Duration STANDARD = Duration.ofHours(24);

	static final Duration HUMAN_AGENT = Duration.ofDays(7);

	static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";

	private final Conversations conversations;

	private final Clock clock;

	MessagingWindow(Conversations conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
	}

	/** Refuses, with when the window closed, a send to a user the account may not message now. */
	void check(SendingAccount account, String recipientId, String tag) {
		if (!account.messagingWindowEnforced() || recipientId == null) {
			return;
		}
		Optional<Instant> lastMessage = conversations.lastMessageFromUser(account.instagramAccountId(), recipientId);
		if (lastMessage.isEmpty()) {
			throw new OutsideMessagingWindow(null, null, HUMAN_AGENT_TAG.equals(tag));
		}
		Instant now = clock.instant();
		Duration window = HUMAN_AGENT_TAG.equals(tag) ? HUMAN_AGENT : STANDARD;
		Instant closes = lastMessage.get().plus(window);
		if (!now.isBefore(closes)) {
			throw new OutsideMessagingWindow(lastMessage.get(), closes, HUMAN_AGENT_TAG.equals(tag));
		}
	}

}
