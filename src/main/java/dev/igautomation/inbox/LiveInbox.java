package dev.igautomation.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams the inbox's changes to open pages as Server-Sent Events. One thread reads the change log in id order after
 * each commit here or {@code NOTIFY} from another instance, and hands each change to the pages whose caller may see
 * its account; a page that connects again with the last id it saw ({@code Last-Event-ID}) is first sent what it
 * missed, on that same thread, so nothing is skipped or sent twice. Connections are asynchronous (no request thread
 * is held while one is open); a comment every {@link #HEARTBEAT} finds those that closed.
 */
@Component
public class LiveInbox {

	private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Duration CONNECTION = Duration.ofMinutes(30);

	private static final int BATCH = 500;

	private final InboxChanges changes;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread named = new Thread(task, "inbox-live");
		named.setDaemon(true);
		return named;
	});

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	/** The last change handed to the subscribers; only the live thread reads and writes it. */
	private long delivered = -1;

	LiveInbox(InboxChanges changes) {
		this.changes = changes;
		thread.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private record Subscriber(Caller caller, SseEmitter emitter, long[] sentUpTo) {
	}

	/**
	 * A stream of the changes of the conversations the caller may see, after {@code lastEventId} when the page saw
	 * some before (null: from now on).
	 */
	public SseEmitter subscribe(Caller caller, Long lastEventId) {
		SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
		Subscriber subscriber = new Subscriber(caller, emitter, new long[] { 0 });
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> subscribers.remove(subscriber));
		emitter.onError(error -> subscribers.remove(subscriber));
		thread.execute(() -> {
			catchUp();
			long cursor = lastEventId == null ? delivered : Math.min(lastEventId, delivered);
			subscriber.sentUpTo()[0] = cursor;
			missed: while (cursor < delivered) {
				List<InboxChanges.Change> page = changes.after(cursor, BATCH);
				if (page.isEmpty()) {
					break;
				}
				for (InboxChanges.Change change : page) {
					if (change.id() > delivered) {
						break missed;
					}
					send(subscriber, change);
					cursor = change.id();
				}
			}
			subscriber.sentUpTo()[0] = delivered;
			subscribers.add(subscriber);
			comment(subscriber, "connected");
		});
		return emitter;
	}

	/** The name of the events about one conversation (each change is also sent as an {@code inbox} event). */
	static String eventName(String accountId, String userId) {
		return "conversation-" + accountId + "-" + userId;
	}

	@PreDestroy
	void stop() {
		thread.shutdownNow();
		subscribers.forEach(subscriber -> subscriber.emitter().complete());
	}

	/** How many pages are connected now. */
	public int connections() {
		return subscribers.size();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void committed(InboxChangesCommitted committed) {
		wake();
	}

	/** Reads and hands out the changes not handed out yet, soon, on the live thread. */
	void wake() {
		if (wakeQueued.compareAndSet(false, true)) {
			thread.execute(() -> {
				wakeQueued.set(false);
				catchUp();
			});
		}
	}

	private void catchUp() {
		try {
			if (delivered < 0) {
				delivered = changes.latest();
				return;
			}
			List<InboxChanges.Change> page;
			do {
				page = changes.after(delivered, BATCH);
				for (InboxChanges.Change change : page) {
					for (Subscriber subscriber : subscribers) {
						send(subscriber, change);
					}
					delivered = change.id();
				}
			}
			while (page.size() == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the inbox's changes; trying again at the next one: {}", ex.getMessage());
		}
	}

	private void send(Subscriber subscriber, InboxChanges.Change change) {
		if (change.id() <= subscriber.sentUpTo()[0] || !subscriber.caller().canAccess(change.accountId())) {
			return;
		}
		subscriber.sentUpTo()[0] = change.id();
		Map<String, String> data = Map.of("account_id", change.accountId(), "user_id", change.userId(), "change",
				change.change());
		String id = String.valueOf(change.id());
		try {
			subscriber.emitter().send(SseEmitter.event().id(id).name("inbox").data(data, MediaType.APPLICATION_JSON));
			subscriber.emitter()
				.send(SseEmitter.event()
					.id(id)
					.name(eventName(change.accountId(), change.userId()))
					.data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException closed) {
			subscribers.remove(subscriber);
		}
	}

	private void comment(Subscriber subscriber, String text) {
		try {
			subscriber.emitter().send(SseEmitter.event().comment(text));
		}
		catch (IOException | IllegalStateException closed) {
			subscribers.remove(subscriber);
		}
	}

	private void heartbeat() {
		catchUp();
		subscribers.forEach(subscriber -> comment(subscriber, "heartbeat"));
	}

}
