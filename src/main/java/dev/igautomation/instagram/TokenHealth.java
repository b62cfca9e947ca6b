package dev.igautomation.instagram;

import java.util.List;

import dev.igautomation.account.AccountLifecycle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /health} the accounts whose Instagram token needs a person: Meta rejected it, its refresh failed,
 * or it expired. The service stays UP — other accounts work — but the details name them.
 */
@Component("instagramTokens")
class TokenHealth implements HealthIndicator {

	private final AccountLifecycle lifecycle;

	TokenHealth(AccountLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public Health health() {
		List<String> needingAttention = lifecycle.accountsWithTokenProblems();
		return Health.up().withDetail("accounts_needing_a_new_token", needingAttention).build();
	}

}
