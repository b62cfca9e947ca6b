package dev.igautomation.system;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The way features hear of each other, on its own with a real job queue on H2: an event published in a transaction
 * reaches each listener only if the transaction commits; each listener runs apart from the others; a listener that
 * fails on a batch has it taken apart, so the good parts go through while the bad one is retried alone.
 */
@SpringBootTest(classes = DurableEventsTests.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:durable-events;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "db-scheduler.polling-interval=100ms",
				"db-scheduler.threads=4", "spring.main.banner-mode=off",
				"management.endpoint.health.group.public.include=ping" })
class DurableEventsTests {

	static final Set<String> handled = ConcurrentHashMap.newKeySet();

	static final Set<String> counted = ConcurrentHashMap.newKeySet();

	static final AtomicInteger badAttempts = new AtomicInteger();

	@Autowired
	DurableEvents events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void eachListenerGetsCommittedEventsOnItsOwnAndABadPartHoldsUpNoOther() {
		transaction.executeWithoutResult(status -> events.publish(new Things(List.of("a", "bad", "c")), "first"));
		transaction.executeWithoutResult(status -> {
			events.publish(new Things(List.of("never")), "rolled-back");
			status.setRollbackOnly();
		});

		await().atMost(Duration.ofSeconds(20)).until(() -> handled.containsAll(Set.of("a", "c"))
				&& counted.containsAll(Set.of("a", "bad", "c")) && badAttempts.get() >= 2);
		assertThat(handled).doesNotContain("bad", "never");
		assertThat(counted).doesNotContain("never");
	}

	/** A batch of things, as the inbound feature publishes a batch of events. */
	record Things(List<String> names) implements BatchEvent<Things> {

		@Override
		public List<Things> parts() {
			return names.stream().map(name -> new Things(List.of(name))).toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ DurableEvents.class, JobQueue.class, JobQueueConfiguration.class })
	static class Application {

		/** Fails on the thing called "bad", every time. */
		@Bean
		EventListenerTask<Things> picky() {
			return EventListenerTask.of("test.picky", Things.class, things -> {
				if (things.names().contains("bad")) {
					badAttempts.incrementAndGet();
					throw new IllegalStateException("bad thing");
				}
				handled.addAll(things.names());
			});
		}

		/** Takes everything; never sees what the other listener does. */
		@Bean
		EventListenerTask<Things> counting() {
			return EventListenerTask.of("test.counting", Things.class, things -> counted.addAll(things.names()));
		}

	}

}
