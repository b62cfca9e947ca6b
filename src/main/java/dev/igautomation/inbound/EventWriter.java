package dev.igautomation.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for webhooks: bodies arriving together are written in one transaction, and each request is answered
 * once the transaction holding its events has committed. Committing is what limits how many webhooks a database can
 * take (each commit waits for the disk), so under load this takes many more per second than a transaction per
 * request, and alone a body is written at once, as before. If a shared transaction fails, each body in it is
 * written again on its own, so one bad body cannot fail the others; a body that cannot be written at all (the
 * database is down) is answered 503, which Meta retries.
 * <p>
 * Plain JDK concurrency: Spring has no group-commit facility, and a reactive pipeline would be a new stack for one
 * queue.
 */
@Component
class EventWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventWriter.class);

	private final IngestProperties properties;

	private final BlockingQueue<Pending> waiting;

	private final List<Thread> writers = new ArrayList<>();

	private final EventInserts inserts;

	private volatile boolean running;

	EventWriter(IngestProperties properties, EventInserts inserts) {
		this.properties = properties;
		this.inserts = inserts;
		this.waiting = new LinkedBlockingQueue<>(properties.maxWaiting());
	}

	/** Writes the events, together with whatever else is waiting, and returns once they are committed. */
	InboundEvents.Recorded write(EventInserts.Body events) {
		Pending pending = new Pending(events, new CompletableFuture<>());
		try {
			if (!running || !waiting.offer(pending, properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IngestUnavailable("The service is not taking events right now; send them again shortly.");
			}
			return pending.done().get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IngestUnavailable("Interrupted while storing the events; send them again.");
		}
		catch (TimeoutException ex) {
			throw new IngestUnavailable("Storing the events took too long; send them again shortly.");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void run() {
		while (running || !waiting.isEmpty()) {
			try {
				Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first != null) {
					writeTogether(takeMoreAfter(first));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private List<Pending> takeMoreAfter(Pending first) {
		List<Pending> batch = new ArrayList<>(List.of(first));
		int events = first.events().events().size();
		Pending next;
		while ((next = waiting.peek()) != null
				&& events + next.events().events().size() <= properties.maxEventsPerTransaction()) {
			Pending taken = waiting.poll();
			if (taken == null) {
				break;
			}
			batch.add(taken);
			events += taken.events().events().size();
		}
		return batch;
	}

	private void writeTogether(List<Pending> batch) {
		try {
			List<InboundEvents.Recorded> recorded = inserts.writeBodies(batch.stream().map(Pending::events).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(recorded.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				log.error("Could not store a webhook's events; it is answered 503 and Meta will send it again", ex);
				batch.get(0).done().completeExceptionally(
						new IngestUnavailable("The events could not be stored right now; send them again shortly."));
				return;
			}
			batch.forEach(pending -> writeTogether(List.of(pending)));
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < properties.writers(); i++) {
			Thread writer = new Thread(this::run, "event-writer-" + i);
			writer.setDaemon(true);
			writer.start();
			writers.add(writer);
		}
	}

	/** Stops after the web server, writing what is still waiting. */
	@Override
	public void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(properties.timeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Pending(EventInserts.Body events, CompletableFuture<InboundEvents.Recorded> done) {
	}

}
