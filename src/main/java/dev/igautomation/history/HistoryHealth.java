package dev.igautomation.history;

import java.time.Clock;
import java.time.Duration;

import dev.igautomation.account.AccountLifecycle;
import dev.igautomation.inbound.EventSource;
import dev.igautomation.inbound.InboundEvents;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /health} whether Meta's webhooks arrive: the messages recovered in the last 24 hours (each one a
 * webhook that never came) and the accounts whose webhook subscription could not be renewed. The service stays UP:
 * the details say what to look at.
 */
@Component("webhooks")
class HistoryHealth implements HealthIndicator {

	private final InboundEvents inbound;

	private final AccountLifecycle lifecycle;

	private final Clock clock;

	HistoryHealth(InboundEvents inbound, AccountLifecycle lifecycle, Clock clock) {
		this.inbound = inbound;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Override
	public Health health() {
		long recovered = inbound.countSince(EventSource.RECOVERED, clock.instant().minus(Duration.ofHours(24)));
		Health.Builder health = Health.up()
			.withDetail("recovered_last_24h", recovered)
			.withDetail("subscription_problems", lifecycle.subscriptionProblems());
		if (recovered > 0) {
			health.withDetail("warning",
					recovered + " messages recovered in the last 24 hours: Meta's webhooks are missing events");
		}
		return health.build();
	}

}
