package dev.igautomation.system;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener of one kind of {@link DurableEvents durable event}: a task of the job queue of its own, so that it runs
 * apart from every other listener of the same event — its own transactions, its own retries with backoff, revived
 * on any instance if the one running it dies. A listener that fails on a {@link BatchEvent} has the batch taken apart
 * into one job per part, so that a single bad part is retried alone and the others go through.
 * <p>
 * A listener may run more than once for the same event (a crash between its work and the removal of its job), so
 * it must be idempotent.
 */
public final class EventListenerTask<E> extends OneTimeTask<E> {

	private static final Logger log = LoggerFactory.getLogger(EventListenerTask.class);

	private final Consumer<E> listener;

	private EventListenerTask(String name, Class<E> type, Consumer<E> listener) {
		super(name, type, JobFailures.backoffWithJitter(), new ReviveDeadExecution<>());
		this.listener = listener;
	}

	/** A listener named {@code name} (its task's name, so keep it stable) of events of {@code type}. */
	public static <E> EventListenerTask<E> of(String name, Class<E> type, Consumer<E> listener) {
		return new EventListenerTask<>(name, type, listener);
	}

	@Override
	public void executeOnce(TaskInstance<E> job, ExecutionContext context) {
		E event = job.getData();
		try {
			listener.accept(event);
		}
		catch (RuntimeException ex) {
			if (!(event instanceof BatchEvent<?> batch) || batch.parts().size() < 2) {
				throw ex;
			}
			List<?> parts = batch.parts();
			log.warn("{} failed on {} events together; each is now handled on its own", getName(), parts.size(), ex);
			Instant now = Instant.now();
			for (int i = 0; i < parts.size(); i++) {
				@SuppressWarnings("unchecked")
				E part = (E) parts.get(i);
				context.getSchedulerClient().scheduleIfNotExists(instance(job.getId() + "/" + i, part), now);
			}
		}
	}

	@Override
	public String toString() {
		return "EventListenerTask name=" + getName();
	}

}
