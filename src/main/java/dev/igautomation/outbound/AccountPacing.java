package dev.igautomation.outbound;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Keeps each account's Graph API sends under a rate (Bucket4j token buckets, one per account, in memory): Meta
 * throttles an account that sends too fast, and throttling costs more than waiting. Each instance paces on its own.
 */
@Component
class AccountPacing {

	private final int perSecond;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

	AccountPacing(OutboundProperties properties) {
		this.perSecond = properties.perAccountPerSecond();
	}

	/** Takes a send for the account; when none is left, answers how long until one is. */
	Optional<Duration> tryAcquire(String accountId) {
		ConsumptionProbe probe = buckets.get(accountId, id -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
