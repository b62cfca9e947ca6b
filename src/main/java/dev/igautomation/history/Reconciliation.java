package dev.igautomation.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.AccountLifecycle;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.account.UnknownAccount;
import dev.igautomation.inbound.EventSource;
import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the messages Meta's webhooks never delivered. Every {@code app.reconciliation.interval}, for each account, the
 * conversations active since the last check are read from the Conversations API, newest first, and every message
 * of theirs not stored yet is stored as {@code recovered}: forwarded to the CRM, answered by the rules when young and
 * unanswered, counted ({@code igautomation.messages.recovered}) and shown in {@code /health}. Messages of the last
 * {@link #GRACE} are left to the next check, their webhooks still being on their way. The job is db-scheduler's
 * recurring task: one instance runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
class Reconciliation {

	/** Webhooks usually arrive within seconds: a message younger than this is not taken for a missed one yet. */
	static final Duration GRACE = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	private final AccountLifecycle lifecycle;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	private final ConversationReader reader;

	private final InboundEvents inbound;

	private final ConversationsBudget budget;

	private final ReconciliationState state;

	private final ReconciliationProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	Reconciliation(AccountLifecycle lifecycle, AccountCredentials credentials, GraphClient graph,
			ConversationReader reader, InboundEvents inbound, ConversationsBudget budget, ReconciliationState state,
			ReconciliationProperties properties, MeterRegistry meters, Clock clock) {
		this.lifecycle = lifecycle;
		this.credentials = credentials;
		this.graph = graph;
		this.reader = reader;
		this.inbound = inbound;
		this.budget = budget;
		this.state = state;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> historyReconciliationTask() {
		return Tasks.recurring("history.reconcile", Schedules.fixedDelay(properties.interval()))
			.execute((instance, context) -> reconcileAll());
	}

	/** Compares every account once; answers how many messages were recovered. */
	int reconcileAll() {
		int recovered = 0;
		for (String accountId : lifecycle.withUsableTokens()) {
			try {
				recovered += reconcile(credentials.sendingAccount(accountId));
			}
			catch (UnknownAccount gone) {
				// removed meanwhile
			}
			catch (GraphApiException ex) {
				log.warn("Could not compare the conversations of account {} with what webhooks delivered: {}",
						accountId, ex.getMessage());
			}
		}
		return recovered;
	}

	/** Compares one account's conversations active since its last check; answers how many were recovered. */
	int reconcile(SendingAccount account) {
		Instant started = clock.instant();
		Instant until = started.minus(GRACE);
		Instant since = state.checkedUntil(account.id()).orElse(until.minus(properties.interval()));
		int recovered = 0;
		String after = null;
		do {
			awaitCall(account.id());
			GraphClient.ConversationPage page = graph.conversations(account.accessToken(), after,
					ImportSteps.PAGE_SIZE);
			for (GraphClient.Conversation conversation : page.conversations()) {
				Instant active = ConversationReader.time(conversation.updatedTime());
				if (active != null && active.isBefore(since)) {
					return done(account, until, started, recovered);
				}
				awaitCall(account.id());
				recovered += inbound.record(reader.messages(account.accessToken(), account.instagramAccountId(),
						conversation.id(), since)
					.stream()
					.filter(message -> message.timestamp() == null || message.timestamp().isBefore(until))
					.toList(), EventSource.RECOVERED).stored();
			}
			after = page.after();
		}
		while (after != null);
		return done(account, until, started, recovered);
	}

	private int done(SendingAccount account, Instant until, Instant started, int recovered) {
		state.checked(account.id(), until, started, recovered);
		if (recovered > 0) {
			meters.counter("igautomation.messages.recovered").increment(recovered);
			log.warn("Recovered {} messages of account {} that no webhook delivered: Meta's webhooks are missing "
					+ "events", recovered, account.id());
		}
		return recovered;
	}

	/** Waits for the account's Conversations API budget (a fraction of a second at Meta's rate). */
	private void awaitCall(String accountId) {
		while (!budget.tryCall(accountId)) {
			try {
				Thread.sleep(budget.retryAfter().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to call Meta", ex);
			}
		}
	}

}
