package dev.igautomation.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountDeleted;
import dev.igautomation.security.Caller;
import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers events to accounts' CRMs and lets people see and retry the deliveries. Each cause (an inbound event, a
 * status change) makes at most one delivery, however often it is reported, with an id derived from the cause: the
 * CRM receives it as {@code webhook-id}, the same across every attempt, and the same even if the service dies
 * between storing the delivery and recording its first attempt and makes that attempt again.
 */
@Service
public class CrmDeliveries {

	static final TaskDescriptor<Void> ATTEMPT = TaskDescriptor.of("crm-delivery", Void.class);

	private static final int BULK_RETRY_LIMIT = 10_000;

	private final DeliveryStore repository;

	private final FirstAttempts firstAttempts;

	private final JobQueue jobs;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	CrmDeliveries(DeliveryStore repository, FirstAttempts firstAttempts, JobQueue jobs,
			TransactionTemplate transaction, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.firstAttempts = firstAttempts;
		this.jobs = jobs;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the deliveries not stored before, commits, and makes the first attempt of each that has not had one, in
	 * the caller's thread; failures are retried by jobs on the retry schedule. Called from a listener's job, which
	 * stays queued until this returns, so a crash before the first attempts are recorded makes them again.
	 */
	void deliver(List<NewDelivery> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		List<Delivery> unattempted = transaction.execute(status -> store(deliveries));
		firstAttempts.make(unattempted);
	}

	private List<Delivery> store(List<NewDelivery> deliveries) {
		Instant now = clock.instant();
		List<String> ids = new ArrayList<>(deliveries.size());
		for (NewDelivery delivery : deliveries) {
			String id = Ids.derived("dlv", delivery.causedAt(), delivery.accountId() + "\n" + delivery.sourceKey());
			repository.insertIfAbsent(id, delivery.accountId(), delivery.eventType(), delivery.sourceKey(),
					json.writeValueAsString(delivery.payload()), now);
			ids.add(id);
		}
		return repository.findAll(ids)
			.stream()
			.filter(delivery -> delivery.status() == DeliveryStatus.PENDING && delivery.attempts() == 0
					&& delivery.replays() == 0)
			.toList();
	}

	@Transactional(readOnly = true)
	List<Delivery> list(String accountId, DeliveryStatus status, String eventType, String beforeId, int limit) {
		return repository.list(accountId, status, eventType, beforeId, limit);
	}

	/** An account's deliveries, newest first; {@code status} and {@code eventType} filter when not null. */
	@Transactional(readOnly = true)
	public List<DeliveryDetails> listDetails(String accountId, String status, String eventType, String beforeId,
			int limit) {
		return list(accountId, status == null ? null : DeliveryStatus.of(status), eventType, beforeId, limit).stream()
			.map(DeliveryDetails::of)
			.toList();
	}

	@Transactional(readOnly = true)
	public DeliveryDetails details(Caller caller, String deliveryId) {
		return DeliveryDetails.of(get(caller, deliveryId));
	}

	/** Sends one delivery again now, as {@link #retry} does. */
	@Transactional
	public DeliveryDetails retryNow(Caller caller, String deliveryId) {
		return DeliveryDetails.of(retry(caller, deliveryId));
	}

	@Transactional(readOnly = true)
	Delivery get(Caller caller, String deliveryId) {
		return repository.find(deliveryId)
			.filter(delivery -> caller.canAccess(delivery.accountId()))
			.orElseThrow(() -> new UnknownDelivery(deliveryId));
	}

	/** Sends a failed (or delivered) delivery again, with the retry schedule from the start. */
	@Transactional
	Delivery retry(Caller caller, String deliveryId) {
		Delivery delivery = get(caller, deliveryId);
		if (delivery.status() == DeliveryStatus.PENDING) {
			throw new DeliveryAlreadyPending(deliveryId, delivery.nextAttemptAt());
		}
		return requeue(deliveryId);
	}

	/** Retries every failed delivery of an account, for after a CRM outage; answers how many. */
	@Transactional
	public int retryFailed(String accountId) {
		List<String> failed = repository.failedIds(accountId, BULK_RETRY_LIMIT);
		failed.forEach(this::requeue);
		return failed.size();
	}

	private Delivery requeue(String deliveryId) {
		Instant now = clock.instant();
		Delivery requeued = repository.requeue(deliveryId, now)
			.orElseThrow(() -> new DeliveryAlreadyPending(deliveryId, null));
		jobs.schedule(ATTEMPT.instance(requeued.jobId()).build(), now);
		return requeued;
	}

	@EventListener
	void accountDeleted(AccountDeleted deleted) {
		repository.failPendingOf(deleted.accountId(), "The account was removed.", clock.instant());
	}

}
