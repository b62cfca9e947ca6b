package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

	/**
	 * The last message known from each user: a window it keeps open needs no query. Only ever too old, never too new
	 * (a newer message only opens the window wider), so a stale entry can only send a check to the database.
	 */
	private final Cache<String, Instant> lastMessages = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	private final Clock clock;

	MessagingWindow(Conversations conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
	}

	/** Forgets what is known of a user whose data is deleted. */
	void forget(String userId) {
		lastMessages.asMap().keySet().removeIf(key -> key.endsWith(":" + userId));
	}

	/** Refuses, with when the window closed, a send to a user the account may not message now. */
	void check(SendingAccount account, String recipientId, String tag) {
		if (!account.messagingWindowEnforced() || recipientId == null) {
			return;
		}
		Instant now = clock.instant();
		Duration window = HUMAN_AGENT_TAG.equals(tag) ? HUMAN_AGENT : STANDARD;
		String key = account.instagramAccountId() + ":" + recipientId;
		Instant known = lastMessages.getIfPresent(key);
		if (known != null && now.isBefore(known.plus(window))) {
			return;
		}
		Optional<Instant> lastMessage = conversations.lastMessageFromUser(account.instagramAccountId(), recipientId);
		lastMessage.ifPresent(at -> lastMessages.put(key, at));
		if (lastMessage.isEmpty()) {
			throw new OutsideMessagingWindow(null, null, HUMAN_AGENT_TAG.equals(tag));
		}
		Instant closes = lastMessage.get().plus(window);
		if (!now.isBefore(closes)) {
			throw new OutsideMessagingWindow(lastMessage.get(), closes, HUMAN_AGENT_TAG.equals(tag));
		}
	}

}
