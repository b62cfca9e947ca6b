package dev.igautomation.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.AccountLifecycle;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.account.UnknownAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.system.JobQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Keeps each account subscribed to the webhook fields this service handles: Meta drops a subscription silently (after
 * an hour of failed deliveries, say), and then no webhook comes at all. At start and daily, each account's
 * subscription is read and, when a field is missing, made again; what was found is recorded on the account
 * ({@code webhook_subscription}) and failures are shown in {@code /health}. db-scheduler's recurring task: one
 * instance runs it.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionCheck {

	static final String SUBSCRIBED = "subscribed";

	static final String RENEWED = "renewed";

	static final String FAILED = "failed";

	private static final Logger log = LoggerFactory.getLogger(SubscriptionCheck.class);

	private final AccountLifecycle lifecycle;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	private final JobQueue jobs;

	SubscriptionCheck(AccountLifecycle lifecycle, AccountCredentials credentials, GraphClient graph, JobQueue jobs) {
		this.lifecycle = lifecycle;
		this.credentials = credentials;
		this.graph = graph;
		this.jobs = jobs;
	}

	private static final TaskDescriptor<Void> AT_START = TaskDescriptor.of("history.subscriptions-at-start",
			Void.class);

	@Bean
	RecurringTask<Void> historySubscriptionTask() {
		return Tasks.recurring("history.subscriptions", Schedules.fixedDelay(Duration.ofDays(1)))
			.execute((instance, context) -> checkAll());
	}

	@Bean
	OneTimeTask<Void> historySubscriptionAtStartTask() {
		return Tasks.oneTime(AT_START).execute((instance, context) -> checkAll());
	}

	/** At start, a check besides the daily one; instances starting together queue it once. */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		jobs.schedule(AT_START.instance("start").build(), Instant.now());
	}

	void checkAll() {
		for (String accountId : lifecycle.withUsableTokens()) {
			try {
				check(credentials.sendingAccount(accountId));
			}
			catch (UnknownAccount gone) {
				// removed meanwhile
			}
		}
	}

	/** Checks one account's subscription, renewing it when a field is missing; answers what it found. */
	String check(SendingAccount account) {
		try {
			Set<String> missing = new TreeSet<>(GraphClient.WEBHOOK_FIELDS);
			missing.removeAll(graph.subscribedFields(account.accessToken()));
			if (missing.isEmpty()) {
				lifecycle.subscriptionChecked(account.id(), SUBSCRIBED, null);
				return SUBSCRIBED;
			}
			if (!graph.subscribe(account.accessToken(), String.join(",", GraphClient.WEBHOOK_FIELDS))) {
				return failed(account, "Meta did not confirm the new subscription (missing: " + missing + ")");
			}
			log.warn("The webhook subscription of account {} had lost {}: subscribed again", account.id(), missing);
			lifecycle.subscriptionChecked(account.id(), RENEWED, null);
			return RENEWED;
		}
		catch (GraphApiException ex) {
			return failed(account, ex.getMessage());
		}
	}

	private String failed(SendingAccount account, String error) {
		log.warn("Could not check or renew the webhook subscription of account {}: {}", account.id(), error);
		lifecycle.subscriptionChecked(account.id(), FAILED, error);
		return FAILED;
	}

}
