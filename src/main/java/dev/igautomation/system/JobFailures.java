package dev.igautomation.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a job that fails unexpectedly (a database outage, a bug): it is retried with exponential backoff
 * from 5 s up to an hour, with jitter so that jobs failing together do not retry together. Jobs handle the failures
 * they expect (a CRM answering 503) themselves.
 */
public final class JobFailures {

	private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

	private static final Duration FIRST = Duration.ofSeconds(5);

	private static final Duration MAX = Duration.ofHours(1);

	private JobFailures() {
	}

	public static <T> FailureHandler<T> backoffWithJitter() {
		return (ExecutionComplete complete, ExecutionOperations<T> operations) -> {
			int failures = complete.getExecution().consecutiveFailures + 1;
			Duration delay = delayAfter(failures);
			log.warn("Job {} failed ({} in a row); retrying in {}", complete.getExecution().taskInstance, failures,
					delay, complete.getCause().orElse(null));
			operations.reschedule(complete, Instant.now().plus(delay));
		};
	}

	/** Between half and all of {@code 5 s * 2^(failures-1)}, capped at an hour. */
	static Duration delayAfter(int failures) {
		long ceiling = Math.min(MAX.toMillis(), FIRST.toMillis() << Math.min(Math.max(failures, 1) - 1, 20));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

}
