package dev.igautomation.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one way features react to what another did: a past-tense event, published in the transaction that made it
 * true, queues one job per {@link EventListenerTask listener} of its type in that same transaction. Nothing is queued
 * if the transaction rolls back; once it commits, each listener runs after it on its own, whatever the others do, and
 * survives a crash of the process (the job stays queued until the listener has finished).
 * <p>
 * Why jobs of the queue the service already has (db-scheduler) rather than Spring Modulith's event publication
 * registry: a job here carries a whole webhook transaction's events (up to 100), where the registry writes and
 * completes one row per event and listener; and db-scheduler already gives what the registry would need around it
 * to be safe on several instances: claiming with {@code SKIP LOCKED}, retries with backoff, and reviving the work of
 * a dead instance after a heartbeat timeout.
 */
@Component
public class DurableEvents {

	private final ObjectProvider<EventListenerTask<?>> listeners;

	private final JobQueue jobs;

	private volatile Map<Class<?>, List<EventListenerTask<?>>> byType;

	DurableEvents(ObjectProvider<EventListenerTask<?>> listeners, JobQueue jobs) {
		this.listeners = listeners;
		this.jobs = jobs;
	}

	/**
	 * Queues {@code event} for each of its listeners, in the current transaction. {@code id} names this occurrence
	 * of the event: the same id published twice is an error, so make it from what the event is about.
	 */
	public void publish(Object event, String id) {
		List<TaskInstance<?>> queued = jobsFor(event, id);
		if (!queued.isEmpty()) {
			jobs.scheduleAllNow(queued);
		}
	}

	/** The jobs that deliver {@code event} to its listeners, for callers queuing them with their own connection. */
	public List<TaskInstance<?>> jobsFor(Object event, String id) {
		List<TaskInstance<?>> queued = new ArrayList<>();
		for (EventListenerTask<?> listener : listenersOf(event.getClass())) {
			queued.add(instanceOf(listener, id, event));
		}
		return queued;
	}

	private List<EventListenerTask<?>> listenersOf(Class<?> type) {
		Map<Class<?>, List<EventListenerTask<?>>> known = byType;
		if (known == null) {
			known = listeners.orderedStream().collect(Collectors.groupingBy(EventListenerTask::getDataClass));
			byType = known;
		}
		return known.getOrDefault(type, List.of());
	}

	@SuppressWarnings("unchecked")
	private static <E> TaskInstance<E> instanceOf(EventListenerTask<E> listener, String id, Object event) {
		return listener.instance(id, (E) event);
	}

}
