package dev.igautomation.outbound;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Keeps each account's calls to Meta under a rate (Bucket4j token buckets, one per account, in memory): Meta
 * throttles an account that calls too fast, and throttling costs more than waiting. Sends take their turn; work in
 * the background (reading history from the Conversations API) takes only what sends leave spare, so it never holds
 * a reply back. Each instance paces on its own.
 */
@Component
public class AccountPacing {

	private final int perSecond;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

	AccountPacing(OutboundProperties properties) {
		this.perSecond = properties.perAccountPerSecond();
	}

	/** Takes a send for the account; when none is left, answers how long until one is. */
	Optional<Duration> tryAcquire(String accountId) {
		ConsumptionProbe probe = bucket(accountId).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Takes a call for background work if at least half of the account's rate is spare, so that sends keep theirs;
	 * false when it should wait and try again a little later.
	 */
	public boolean tryAcquireSpare(String accountId) {
		Bucket bucket = bucket(accountId);
		return bucket.getAvailableTokens() * 2 >= perSecond && bucket.tryConsume(1);
	}

	private Bucket bucket(String accountId) {
		return buckets.get(accountId, id -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build());
	}

}
