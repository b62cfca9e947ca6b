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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.CrmEndpoint;
import dev.igautomation.system.AfterCommit;
import dev.igautomation.system.JobQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first attempt of the deliveries a transaction queued as soon as it commits, in the same thread, so an
 * event reaches its CRM without waiting for the job queue. Their jobs stay queued, due later, in case this never
 * happens (the service stops first); after the attempts, one transaction records them all and moves or removes their
 * jobs. A CRM that fails, and anything left when the time budget is spent, are left to the jobs, so one slow CRM
 * cannot hold up the others' events.
 */
@Component
class InlineAttempts {

	private static final Logger log = LoggerFactory.getLogger(InlineAttempts.class);

	private static final Duration BUDGET = Duration.ofSeconds(5);

	private final DeliveryRepository repository;

	private final DeliveryAttempts attempts;

	private final JobQueue jobs;

	private final TransactionTemplate transaction;

	private final Clock clock;

	InlineAttempts(DeliveryRepository repository, DeliveryAttempts attempts, JobQueue jobs,
			PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.attempts = attempts;
		this.jobs = jobs;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Attempts the delivery once the current transaction has committed, at the end of the current
	 * {@link AfterCommit#scope}; false when no scope is open, and the delivery's job must make the attempt.
	 */
	boolean afterCommit(String deliveryId) {
		@SuppressWarnings("unchecked")
		List<String> queued = TransactionSynchronizationManager.isSynchronizationActive()
				? (List<String>) TransactionSynchronizationManager.getResource(this) : null;
		if (queued != null) {
			queued.add(deliveryId);
			return true;
		}
		List<String> ids = new ArrayList<>(List.of(deliveryId));
		if (!AfterCommit.defer(() -> attemptAll(ids))) {
			return false;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.bindResource(this, ids);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(InlineAttempts.this);
				}
			});
		}
		return true;
	}

	private void attemptAll(List<String> deliveryIds) {
		try {
			List<Planned> planned = transaction.execute(status -> repository.findAll(deliveryIds).stream()
				.map(delivery -> new Planned(delivery, attempts.endpointOf(delivery)))
				.toList());
			Instant deadline = clock.instant().plus(BUDGET);
			Set<String> failingAccounts = new HashSet<>();
			List<Runnable> records = new ArrayList<>();
			for (Planned plan : planned) {
				Delivery delivery = plan.delivery();
				TaskInstance<Void> job = CrmDeliveries.ATTEMPT.instance(delivery.jobId()).build();
				if (delivery.status() != DeliveryStatus.PENDING) {
					continue;
				}
				if (plan.endpoint().isEmpty()) {
					records.add(() -> {
						attempts.failWithoutEndpoint(delivery);
						jobs.cancel(job);
					});
				}
				else if (failingAccounts.contains(delivery.accountId()) || clock.instant().isAfter(deadline)) {
					records.add(() -> jobs.reschedule(job, clock.instant()));
				}
				else {
					CrmSender.Outcome outcome = attempts.call(delivery, plan.endpoint().get());
					if (!outcome.delivered()) {
						failingAccounts.add(delivery.accountId());
					}
					records.add(() -> {
						if (attempts.record(delivery, outcome) instanceof DeliveryAttempts.RetryAt retry) {
							jobs.reschedule(job, retry.at());
						}
						else {
							jobs.cancel(job);
						}
					});
				}
			}
			transaction.executeWithoutResult(status -> records.forEach(Runnable::run));
		}
		catch (RuntimeException ex) {
			log.warn("Attempting deliveries right away failed; their jobs will attempt them", ex);
		}
	}

	private record Planned(Delivery delivery, Optional<CrmEndpoint> endpoint) {
	}

}
