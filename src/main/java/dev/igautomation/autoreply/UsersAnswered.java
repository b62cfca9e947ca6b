package dev.igautomation.autoreply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.igautomation.inbound.InstagramEventReceived;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Answers the messages of one job: each user's in order, different users at once. A job carries the events of a
 * whole webhook transaction (up to 100), and answering one is mostly waiting — for commits, the Graph API, an AI
 * endpoint — so one job no longer answers a hundred users one after the other. The threads are Spring's
 * {@link ThreadPoolTaskExecutor}, kept inside this class rather than a bean: an {@code Executor} bean would replace
 * the application's own task executor, which Spring Boot only makes when there is none.
 */
@Component
class UsersAnswered implements DisposableBean {

	/** Users answered at once, across all jobs. */
	static final int THREADS = 16;

	private final AutoResponder responder;

	private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

	UsersAnswered(AutoResponder responder) {
		this.responder = responder;
		threads.setCorePoolSize(THREADS);
		threads.setMaxPoolSize(THREADS);
		threads.setThreadNamePrefix("autoreply-");
		threads.setWaitForTasksToCompleteOnShutdown(true);
		threads.initialize();
	}

	/** Answers every message; fails (for the job to be tried again) if any answer failed, once all are done. */
	void answer(List<InstagramEventReceived> received) {
		Map<String, List<InstagramEventReceived>> byUser = new LinkedHashMap<>();
		received.forEach(event -> byUser
			.computeIfAbsent(event.account().id() + "\n" + event.event().senderId(), user -> new ArrayList<>())
			.add(event));
		if (byUser.size() < 2) {
			received.forEach(responder::answer);
			return;
		}
		CompletableFuture<?>[] answers = byUser.values()
			.stream()
			.map(events -> CompletableFuture.runAsync(() -> events.forEach(responder::answer), threads))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(answers).join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	@Override
	public void destroy() {
		threads.shutdown();
	}

}
