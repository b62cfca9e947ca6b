package dev.igautomation.history;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import dev.igautomation.outbound.AccountPacing;
import org.springframework.stereotype.Component;

/**
 * Whether a Conversations API call may be made for an account now: within Meta's rate for that API (a Bucket4j
 * bucket per account, as sends are paced) and only from what the account's sends leave spare, so that an import
 * never holds a reply back.
 */
@Component
class ConversationsBudget {

	private final AccountPacing sends;

	private final int perSecond;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

	ConversationsBudget(AccountPacing sends, ImportProperties properties) {
		this.sends = sends;
		this.perSecond = properties.callsPerSecond();
	}

	/** Takes a call for the account, or answers false when it must wait (a fraction of a second). */
	boolean tryCall(String accountId) {
		Bucket bucket = buckets.get(accountId, id -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build());
		return bucket.getAvailableTokens() > 0 && sends.tryAcquireSpare(accountId) && bucket.tryConsume(1);
	}

	/** How long to wait before trying again when {@link #tryCall} said no. */
	Duration retryAfter() {
		return Duration.ofMillis(1000 / perSecond);
	}

}
