package dev.igautomation.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.Accounts;
import dev.igautomation.account.CrmEndpoint;
import dev.igautomation.system.JobFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One attempt of a delivery, run by the job queue. A failed attempt (any answer but 2xx, or none in time) moves the
 * delivery's job to the next time of the retry schedule, or to the CRM's {@code Retry-After}; after the last, the
 * delivery fails. No database transaction is held while the CRM is called.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

	private final DeliveryRepository repository;

	private final Accounts accounts;

	private final CrmSender sender;

	private final List<Duration> schedule;

	private final Duration maxRetryAfter;

	private final Clock clock;

	DeliveryJob(DeliveryRepository repository, Accounts accounts, CrmSender sender, CrmProperties properties,
			Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.sender = sender;
		this.schedule = properties.retry().schedule();
		this.maxRetryAfter = properties.retry().maxRetryAfter();
		this.clock = clock;
	}

	@Bean
	CustomTask<Void> crmDeliveryTask() {
		return Tasks.custom(CrmDeliveries.ATTEMPT)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> attempt(job.getId()).<CompletionHandler<Void>>map(
					next -> (complete, operations) -> operations.reschedule(complete, next))
				.orElseGet(CompletionHandler.OnCompleteRemove::new));
	}

	/** Attempts the delivery; answers when to attempt it next, or nothing when it is done with. */
	Optional<Instant> attempt(String jobId) {
		Optional<Delivery> found = repository.find(Delivery.deliveryIdOf(jobId))
			.filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
			.filter(delivery -> delivery.replays() == Delivery.replaysOf(jobId));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Delivery delivery = found.get();
		Optional<CrmEndpoint> endpoint = accounts.crmEndpoint(delivery.accountId());
		if (endpoint.isEmpty()) {
			repository.markFailed(delivery, null, "The account has no CRM endpoint (crm_webhook_url) any more.", false,
					clock.instant());
			return Optional.empty();
		}
		CrmSender.Outcome outcome = sender.send(endpoint.get(), delivery);
		Instant now = clock.instant();
		if (outcome.delivered()) {
			repository.markDelivered(delivery, outcome.statusCode(), now);
			return Optional.empty();
		}
		if (delivery.schedulePosition() >= schedule.size()) {
			log.warn("Delivery {} to the CRM of {} failed after its last attempt: {}", delivery.id(),
					delivery.accountId(), outcome.error());
			repository.markFailed(delivery, outcome.statusCode(), outcome.error(), true, now);
			return Optional.empty();
		}
		Instant next = nextAttempt(delivery.schedulePosition(), outcome.retryAfter(), now);
		log.info("Delivery {} to the CRM of {} failed ({}); next attempt at {}", delivery.id(), delivery.accountId(),
				outcome.error(), next);
		repository.markRetrying(delivery, outcome.statusCode(), outcome.error(), next, now);
		return Optional.of(next);
	}

	private Instant nextAttempt(int position, Instant retryAfter, Instant now) {
		if (retryAfter != null && retryAfter.isAfter(now)) {
			Instant latest = now.plus(maxRetryAfter);
			return retryAfter.isAfter(latest) ? latest : retryAfter;
		}
		return now.plus(schedule.get(position));
	}

}
