package dev.igautomation.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountDeleted;
import dev.igautomation.security.Caller;
import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues events for accounts' CRMs and lets people see and retry the deliveries. Each cause (an inbound event, a
 * status change) makes at most one delivery, however often it is reported; the delivery keeps its id, which the CRM
 * receives as {@code webhook-id}, across all its attempts.
 */
@Service
public class CrmDeliveries {

	static final TaskDescriptor<Void> ATTEMPT = TaskDescriptor.of("crm-delivery", Void.class);

	private static final int BULK_RETRY_LIMIT = 10_000;

	private final DeliveryRepository repository;

	private final JobQueue jobs;

	private final InlineAttempts inline;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration jobDelay;

	CrmDeliveries(DeliveryRepository repository, JobQueue jobs, InlineAttempts inline, JsonMapper json,
			CrmProperties properties, Clock clock) {
		this.repository = repository;
		this.jobs = jobs;
		this.inline = inline;
		this.json = json;
		this.clock = clock;
		this.jobDelay = properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2).plusSeconds(30);
	}

	/**
	 * Queues {@code payload} as a delivery of {@code eventType} to the account's CRM, unless {@code sourceKey} was
	 * queued before; joins the caller's transaction. Inside an {@link dev.igautomation.system.AfterCommit} scope the
	 * first attempt is made as soon as the transaction commits, and the delivery's job, due well after that, makes it
	 * should the service stop first; outside one, the job makes it at once.
	 */
	@Transactional
	public void enqueue(String accountId, String eventType, String sourceKey, Map<String, Object> payload) {
		Instant now = clock.instant();
		String id = Ids.next("dlv");
		if (repository.insertIfAbsent(id, accountId, eventType, sourceKey, json.writeValueAsString(payload), now)) {
			if (inline.afterCommit(id)) {
				jobs.scheduleLater(ATTEMPT.instance(id + ":0").build(), now.plus(jobDelay));
			}
			else {
				jobs.scheduleNew(ATTEMPT.instance(id + ":0").build(), now);
			}
			return;
		}
		repository.findBySource(accountId, sourceKey)
			.filter(queued -> queued.status() == DeliveryStatus.PENDING && queued.attempts() == 0)
			.ifPresent(queued -> inline.afterCommit(queued.id()));
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
