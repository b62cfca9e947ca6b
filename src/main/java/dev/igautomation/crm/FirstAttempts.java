package dev.igautomation.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.igautomation.account.CrmEndpoint;
import dev.igautomation.system.JobQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first attempts of freshly stored deliveries, made at once in the caller's thread with no transaction held
 * while CRMs are called; then one transaction records them all, queuing a job for each that must be tried again.
 * Once an account's CRM fails, its other deliveries of the lot are left to jobs, as is anything left when the time
 * budget is spent, so one slow CRM cannot hold up the others' events.
 */
@Component
class FirstAttempts {

	private static final Duration BUDGET = Duration.ofSeconds(5);

	private final DeliveryAttempts attempts;

	private final JobQueue jobs;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FirstAttempts(DeliveryAttempts attempts, JobQueue jobs, TransactionTemplate transaction, Clock clock) {
		this.attempts = attempts;
		this.jobs = jobs;
		this.transaction = transaction;
		this.clock = clock;
	}

	void make(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		Instant deadline = clock.instant().plus(BUDGET);
		Set<String> failingAccounts = new HashSet<>();
		List<Runnable> records = new ArrayList<>();
		for (Delivery delivery : deliveries) {
			TaskInstance<Void> job = CrmDeliveries.ATTEMPT.instance(delivery.jobId()).build();
			Optional<CrmEndpoint> endpoint = attempts.endpointOf(delivery);
			if (endpoint.isEmpty()) {
				records.add(() -> attempts.failWithoutEndpoint(delivery));
			}
			else if (failingAccounts.contains(delivery.accountId()) || clock.instant().isAfter(deadline)) {
				records.add(() -> jobs.schedule(job, clock.instant()));
			}
			else {
				CrmSender.Outcome outcome = attempts.call(delivery, endpoint.get());
				if (!outcome.delivered()) {
					failingAccounts.add(delivery.accountId());
				}
				records.add(() -> {
					if (attempts.record(delivery, outcome) instanceof DeliveryAttempts.RetryAt retry) {
						jobs.schedule(job, retry.at());
					}
				});
			}
		}
		transaction.executeWithoutResult(status -> records.forEach(Runnable::run));
	}

}
