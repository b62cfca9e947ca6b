package dev.igautomation.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Group commit: work items arriving together are written in one transaction, and each caller returns once the
 * transaction holding its item has committed. Committing is what limits how many small writes a database takes
 * (each commit waits for the disk), so under load this writes many more items per second than a transaction each,
 * and alone an item is written at once. If a shared transaction fails, each item in it is written again on its own,
 * so one bad item cannot fail the others.
 * <p>
 * Plain JDK concurrency, on purpose: Spring has no group-commit facility, and a reactive pipeline would be a new
 * stack for one queue. Stops after the web server, writing what is still waiting.
 *
 * @param <T> what is written
 * @param <R> what the writing answers for each item
 */
public final class GroupCommit<T, R> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Writes items in one transaction, answering one result for each, in order. */
	@FunctionalInterface
	public interface Writes<T, R> {

		List<R> write(List<T> items);

	}

	private final String name;

	private final Settings settings;

	private final ToIntFunction<T> weight;

	private final Writes<T, R> writes;

	private final Function<String, RuntimeException> unavailable;

	private final BlockingQueue<Pending<T, R>> waiting;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	/**
	 * @param writers threads writing at once, each a transaction at a time
	 * @param maxWeight the most weight (see {@code weight}) one transaction takes
	 * @param maxWaiting the most items waiting; beyond, callers are refused at once
	 * @param timeout how long a caller waits for a place in the queue, and then for its commit
	 */
	public record Settings(int writers, int maxWeight, int maxWaiting, Duration timeout) {
	}

	/**
	 * @param name names the writer threads
	 * @param weight how much of a transaction an item takes (the events of a webhook body, say)
	 * @param writes the transaction
	 * @param unavailable the exception a caller gets when its item could not be written, from a message saying why
	 */
	public GroupCommit(String name, Settings settings, ToIntFunction<T> weight, Writes<T, R> writes,
			Function<String, RuntimeException> unavailable) {
		this.name = name;
		this.settings = settings;
		this.weight = weight;
		this.writes = writes;
		this.unavailable = unavailable;
		this.waiting = new LinkedBlockingQueue<>(settings.maxWaiting());
	}

	/** Writes the item, together with whatever else is waiting, and returns its result once committed. */
	public R submit(T item) {
		Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
		long timeout = settings.timeout().toMillis();
		try {
			if (!running || !waiting.offer(pending, timeout, TimeUnit.MILLISECONDS)) {
				throw unavailable.apply("Too much is waiting to be written right now; try again shortly.");
			}
			return pending.done().get(timeout, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable.apply("Interrupted while writing; try again.");
		}
		catch (TimeoutException ex) {
			throw unavailable.apply("Writing took too long; try again shortly.");
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
				Pending<T, R> first = waiting.poll(200, TimeUnit.MILLISECONDS);
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

	private List<Pending<T, R>> takeMoreAfter(Pending<T, R> first) {
		List<Pending<T, R>> batch = new ArrayList<>(List.of(first));
		int taken = weight.applyAsInt(first.item());
		Pending<T, R> next;
		while ((next = waiting.peek()) != null && taken + weight.applyAsInt(next.item()) <= settings.maxWeight()) {
			Pending<T, R> polled = waiting.poll();
			if (polled == null) {
				break;
			}
			batch.add(polled);
			taken += weight.applyAsInt(polled.item());
		}
		return batch;
	}

	private void writeTogether(List<Pending<T, R>> batch) {
		try {
			List<R> results = writes.write(batch.stream().map(Pending::item).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				log.error("{}: an item could not be written", name, ex);
				batch.get(0).done().completeExceptionally(failure(ex));
				return;
			}
			batch.forEach(pending -> writeTogether(List.of(pending)));
		}
	}

	/** What the caller gets: the writing's own exception when it is one callers expect, else "unavailable". */
	private RuntimeException failure(RuntimeException ex) {
		return ex instanceof ProblemException ? ex : unavailable.apply("It could not be written; try again shortly.");
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < settings.writers(); i++) {
			Thread writer = new Thread(this::run, name + "-" + i);
			writer.setDaemon(true);
			writer.start();
			writers.add(writer);
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(settings.timeout().toMillis());
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

	private record Pending<T, R>(T item, CompletableFuture<R> done) {
	}

}
