package dev.igautomation.instagram;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps long-lived Instagram tokens alive: once a day, every token at least 24 hours old that expires within
 * {@code app.instagram.refresh-before} (10 days) is refreshed, whether its account is busy or idle, and its new
 * expiry recorded. A refresh that fails is recorded on the account (shown in its API answer and in {@code /health})
 * and tried again the next day. The job is db-scheduler's recurring task: one instance runs it, and a missed day is
 * run at start-up.
 */
@Configuration(proxyBeanMethods = false)
class TokenRefresh {

	private static final Logger log = LoggerFactory.getLogger(TokenRefresh.class);

	private final AccountLifecycle lifecycle;

	private final InstagramConnections connections;

	private final InstagramLoginProperties properties;

	private final Clock clock;

	TokenRefresh(AccountLifecycle lifecycle, InstagramConnections connections, InstagramLoginProperties properties,
			Clock clock) {
		this.lifecycle = lifecycle;
		this.connections = connections;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> instagramTokenRefreshTask() {
		return Tasks.recurring("instagram-token-refresh", Schedules.daily(LocalTime.of(3, 17)))
			.execute((instance, context) -> refreshDue(clock.instant()));
	}

	/** Refreshes the tokens due at {@code now}; answers how many were refreshed. */
	int refreshDue(Instant now) {
		int refreshed = 0;
		for (AccountLifecycle.TokenToRefresh due : lifecycle.tokensToRefresh(now, properties.refreshBefore())) {
			try {
				connections.refresh(due.accountId(), due.accessToken());
				refreshed++;
			}
			catch (InstagramLoginFailed ex) {
				log.warn("Refreshing the Instagram token of account {} failed: {}. Connect the account again "
						+ "(GET /connect/instagram) or set a new access_token.", due.accountId(), ex.getMessage());
			}
		}
		if (refreshed > 0) {
			log.info("Refreshed {} Instagram tokens", refreshed);
		}
		return refreshed;
	}

}
