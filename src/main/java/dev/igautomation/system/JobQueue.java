package dev.igautomation.system;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues jobs in db-scheduler's table, inside the caller's transaction, so a job exists exactly when the data it
 * works on was committed; jobs survive restarts and are shared by every instance on the database. Jobs due now are
 * picked up as soon as the transaction commits, not at the next poll: db-scheduler's own immediate execution wakes
 * the poller before the commit, when the new row cannot be seen yet.
 */
@Component
public class JobQueue {

	private final ObjectProvider<Scheduler> scheduler;

	JobQueue(ObjectProvider<Scheduler> scheduler) {
		this.scheduler = scheduler;
	}

	/** Queues one job for {@code at}; a job with the same task and id already queued is left as it is. */
	public boolean schedule(TaskInstance<?> job, Instant at) {
		boolean scheduled = scheduler.getObject().scheduleIfNotExists(job, at);
		wakeUpAfterCommit();
		return scheduled;
	}

	/** Queues one new job, due at {@code at}, with a single insert; the job may not be queued already. */
	public void scheduleNew(TaskInstance<?> job, Instant at) {
		scheduler.getObject().scheduleBatch(List.of(job), at);
		wakeUpAfterCommit();
	}

	/** Queues new jobs, due now, with one batch of inserts; none of them may be queued already. */
	public void scheduleAllNow(List<TaskInstance<?>> jobs) {
		scheduler.getObject().scheduleBatch(jobs, Instant.now());
		wakeUpAfterCommit();
	}

	/** Queues one new job for a later time, without waking the queue; the job may not be queued already. */
	public void scheduleLater(TaskInstance<?> job, Instant at) {
		scheduler.getObject().scheduleBatch(List.of(job), at);
	}

	/** Takes a queued job off the queue; one that is not queued (any more) is ignored. */
	public void cancel(TaskInstance<?> job) {
		try {
			scheduler.getObject().cancel(TaskInstanceId.of(job.getTaskName(), job.getId()));
		}
		catch (TaskInstanceException ex) {
			// it was just picked, or is gone: either way it is no longer waiting
		}
	}

	/** Moves a queued job to {@code at}, or queues it when it is not queued (any more). */
	public void reschedule(TaskInstance<?> job, Instant at) {
		scheduler.getObject().schedule(job, at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		wakeUpAfterCommit();
	}

	/**
	 * What a job that ran does next: runs again at {@code next}, or, when null, is done and leaves the queue.
	 */
	public static <T> CompletionHandler<T> thenAt(Instant next) {
		return next == null ? new CompletionHandler.OnCompleteRemove<>()
				: (complete, operations) -> operations.reschedule(complete, next);
	}

	/**
	 * Has the job queue look for due jobs as soon as the current transaction commits (or at once, outside one), for
	 * jobs queued through another client of the same table.
	 */
	public void wakeUpAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					scheduler.getObject().triggerCheckForDueExecutions();
				}
			});
		}
		else {
			scheduler.getObject().triggerCheckForDueExecutions();
		}
	}

}
