package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every second, the messages whose time has come: a retry, a send the account's pace held back, a queued message
 * whose first attempt did not happen (the service stopped first), or an attempt whose outcome was never recorded —
 * sent again only if no echo came within {@code app.outbound.echo-wait}. The messages' own table is the queue (its
 * {@code next_attempt_at}), so sends need no job of their own; this is db-scheduler's recurring task, run by one
 * instance at a time, and each message is taken with a conditional update, so none is attempted twice at once.
 */
@Configuration(proxyBeanMethods = false)
class SendSweep implements DisposableBean {

	/** The most messages one sweep takes; the next sweep, a second later, takes the rest. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SendSweep.class);

	private final OutboundMessageStore store;

	private final SendAttempts attempts;

	private final OutboundProperties properties;

	private final Clock clock;

	/** Attempts of one sweep run side by side: each mostly waits for Meta. */
	private final ExecutorService parallel = Executors.newFixedThreadPool(8, runnable -> {
		Thread thread = new Thread(runnable, "send-sweep");
		thread.setDaemon(true);
		return thread;
	});

	SendSweep(OutboundMessageStore store, SendAttempts attempts, OutboundProperties properties, Clock clock) {
		this.store = store;
		this.attempts = attempts;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> outboundSweepTask() {
		return Tasks.recurring("outbound.sweep", Schedules.fixedDelay(Duration.ofSeconds(1)))
			.execute((instance, context) -> sweep());
	}

	/** Handles every message due now; answers how many. */
	int sweep() {
		List<OutboundMessage> due = store.due(clock.instant(), BATCH);
		List<Future<Void>> running = due.stream()
			.map(message -> parallel.submit(() -> handle(message), (Void) null))
			.toList();
		for (Future<Void> attempt : running) {
			try {
				attempt.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return due.size();
			}
			catch (ExecutionException ex) {
				log.warn("Attempting a due message failed; the next sweep tries again", ex.getCause());
			}
		}
		return due.size();
	}

	/** Attempts a due message; one whose attempt is under way or waiting for its echo only when its time is up. */
	void handle(OutboundMessage message) {
		OutboundMessage due = message;
		if (message.status() == MessageStatus.SENDING) {
			Instant echoDeadline = message.attemptStartedAt().plus(properties.echoWait());
			if (clock.instant().isBefore(echoDeadline)) {
				store.postpone(message.id(), echoDeadline);
				return;
			}
			log.warn("No echo came for message {} within {}; sending it again", message.id(), properties.echoWait());
			if (!store.release(message.id(), clock.instant())) {
				return;
			}
			due = store.find(message.id()).orElseThrow();
		}
		if (due.status() == MessageStatus.PENDING) {
			attempts.attemptPending(due);
		}
	}

	@Override
	public void destroy() {
		parallel.shutdownNow();
	}

}
