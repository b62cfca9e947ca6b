package dev.igautomation.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each API key to a sustained rate with a burst above it (a Bucket4j token bucket per key, in memory, so each
 * instance limits on its own). Over the limit: 429 with {@code Retry-After}.
 */
class ApiKeyRateLimitFilter extends OncePerRequestFilter {

	private final SecurityProperties.RateLimit limit;

	private final ProblemResponses problems;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

	ApiKeyRateLimitFilter(SecurityProperties.RateLimit limit, ProblemResponses problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiKeyAuthentication key) {
			ConsumptionProbe probe = buckets.get(key.getPrincipal().keyId(), id -> Bucket.builder()
				.addLimit(bandwidth -> bandwidth.capacity(limit.burst())
					.refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
				.build()).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
				problems.tooManyRequests(response, seconds, limit.requestsPerSecond());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
