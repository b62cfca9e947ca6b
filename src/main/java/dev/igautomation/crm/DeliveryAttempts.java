package dev.igautomation.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.CrmEndpoint;
import org.springframework.stereotype.Component;

/**
 * One attempt of a delivery and what follows from it: a 2xx answer delivers it; any other answer, or none in time,
 * makes it wait for the next time of the retry schedule (or the CRM's {@code Retry-After}); after the last, it
 * fails. The caller holds no database transaction while the CRM is called.
 */
@Component
class DeliveryAttempts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final DeliveryStore repository;

	private final AccountCredentials credentials;

	private final CrmSender sender;

	private final List<Duration> schedule;

	private final Duration maxRetryAfter;

	private final Clock clock;

	private final MeterRegistry meters;

	DeliveryAttempts(DeliveryStore repository, AccountCredentials credentials, CrmSender sender, CrmProperties properties,
			Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.repository = repository;
		this.credentials = credentials;
		this.sender = sender;
		this.schedule = properties.retry().schedule();
		this.maxRetryAfter = properties.retry().maxRetryAfter();
		this.clock = clock;
	}

	/** What an attempt came to, and so what becomes of its job. */
	sealed interface Result {

	}

	/** Nothing more to do: delivered, failed for good, or no longer pending. */
	record Done(boolean delivered) implements Result {
	}

	/** Attempt again at this time. */
	record RetryAt(Instant at) implements Result {
	}

	/** Calls the CRM once (unless its circuit is open), without recording anything. */
	CrmSender.Outcome call(Delivery delivery, CrmEndpoint endpoint) {
		return sender.sendGuarded(delivery.accountId(), endpoint, delivery);
	}

	/** Where the delivery goes; empty when the account has no CRM endpoint any more. */
	Optional<CrmEndpoint> endpointOf(Delivery delivery) {
		return credentials.crmEndpoint(delivery.accountId());
	}

	/** Fails a delivery whose account has no CRM endpoint any more. */
	Result failWithoutEndpoint(Delivery delivery) {
		repository.markFailed(delivery, null, "The account has no CRM endpoint (crm_webhook_url) any more.", false,
				clock.instant());
		return new Done(false);
	}

	/** Records how a call went. */
	Result record(Delivery delivery, CrmSender.Outcome outcome) {
		Instant now = clock.instant();
		if (outcome.delivered()) {
			meters.counter("igautomation.crm.deliveries", "outcome", "delivered").increment();
			repository.markDelivered(delivery, outcome.statusCode(), now);
			return new Done(true);
		}
		if (delivery.schedulePosition() >= schedule.size()) {
			log.warn("Delivery {} to the CRM of {} failed after its last attempt: {}", delivery.id(),
					delivery.accountId(), outcome.error());
			meters.counter("igautomation.crm.deliveries", "outcome", "failed").increment();
			repository.markFailed(delivery, outcome.statusCode(), outcome.error(), true, now);
			return new Done(false);
		}
		Instant next = nextAttempt(delivery.schedulePosition(), outcome.retryAfter(), now);
		log.info("Delivery {} to the CRM of {} failed ({}); next attempt at {}", delivery.id(), delivery.accountId(),
				outcome.error(), next);
		meters.counter("igautomation.crm.deliveries", "outcome", "retrying").increment();
		repository.markRetrying(delivery, outcome.statusCode(), outcome.error(), next, now);
		return new RetryAt(next);
	}

	/** Makes one attempt of the delivery behind a job, if it is still the job's to make. */
	Result attempt(String jobId) {
		Optional<Delivery> pending = repository.find(Delivery.deliveryIdOf(jobId))
			.filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
			.filter(delivery -> delivery.replays() == Delivery.replaysOf(jobId));
		if (pending.isEmpty()) {
			return new Done(false);
		}
		Optional<CrmEndpoint> endpoint = endpointOf(pending.get());
		if (endpoint.isEmpty()) {
			return failWithoutEndpoint(pending.get());
		}
		return record(pending.get(), call(pending.get(), endpoint.get()));
	}

	private Instant nextAttempt(int position, Instant retryAfter, Instant now) {
		if (retryAfter != null && retryAfter.isAfter(now)) {
			Instant latest = now.plus(maxRetryAfter);
			return retryAfter.isAfter(latest) ? latest : retryAfter;
		}
		return now.plus(schedule.get(position));
	}

}
