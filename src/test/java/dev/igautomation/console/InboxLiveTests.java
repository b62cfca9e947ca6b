package dev.igautomation.console;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Dms;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's live stream over real HTTP: a stored message reaches a connected operator of its account as an event
 * (and never an operator of another account); a connection dropped and opened again with the last event id it saw
 * is sent every change it missed, in order, and nothing twice.
 */
abstract class InboxLiveTests {

	@LocalServerPort
	int port;

	@Autowired
	Operators operators;

	@Autowired
	RestTestClient client;

	/** One event of the stream. */
	record Event(long id, String name, String data) {
	}

	@Test
	void aDroppedStreamResumesFromTheLastEventItSawMissingNothing() throws Exception {
		Api api = new Api(client);
		TestAccounts account = TestAccounts.create(api);
		TestAccounts other = TestAccounts.create(api);
		Dms dms = new Dms(new Webhooks(api), account.instagramAccountId());
		FormClient agent = signedIn(Set.of(account.id()));
		FormClient stranger = signedIn(Set.of(other.id()));

		Stream<String> strangerStream = open(stranger, Map.of()).body();
		BlockingQueue<Event> strangerEvents = read(strangerStream);
		HttpResponse<Stream<String>> first = open(agent, Map.of());
		assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		BlockingQueue<Event> events = read(first.body());
		String user = Dms.newUser();
		dms.message(user, "first", Instant.now());
		Event seen = next(events, "inbox", user);
		first.body().close();

		String later = Dms.newUser();
		dms.message(user, "second", Instant.now());
		dms.message(later, "third", Instant.now());
		Thread.sleep(1500);
		BlockingQueue<Event> resumed = read(open(agent, Map.of("Last-Event-ID", String.valueOf(seen.id()))).body());
		List<Event> missed = new ArrayList<>();
		missed.add(next(resumed, "inbox", null));
		while (missed.stream().noneMatch(event -> event.data().contains(user))
				|| missed.stream().noneMatch(event -> event.data().contains(later))) {
			missed.add(next(resumed, "inbox", null));
		}
		assertThat(missed).allSatisfy(event -> assertThat(event.id()).isGreaterThan(seen.id()));
		assertThat(missed).extracting(Event::id).isSorted().doesNotHaveDuplicates();
		assertThat(strangerEvents.stream().filter(event -> event.data().contains(account.id()))).isEmpty();
		strangerStream.close();
	}

	FormClient signedIn(Set<String> accounts) {
		Operator operator = ConsoleFixture.operator(operators, Operator.Role.AGENT, accounts);
		FormClient form = new FormClient(port).from(FormClient.someAddress());
		assertThat(form.logIn(operator.email(), ConsoleFixture.PASSWORD).statusCode()).isEqualTo(302);
		return form;
	}

	static HttpResponse<Stream<String>> open(FormClient form, Map<String, String> headers) {
		HttpResponse<Stream<String>> response = form.stream("/inbox/events", headers);
		assertThat(response.statusCode()).isEqualTo(200);
		return response;
	}

	/** Reads the stream's events on a thread of their own, into the queue answered. */
	static BlockingQueue<Event> read(Stream<String> lines) {
		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			long id = -1;
			String name = null;
			StringBuilder data = new StringBuilder();
			try {
				for (String line : (Iterable<String>) lines::iterator) {
					if (line.startsWith("id:")) {
						id = Long.parseLong(line.substring(3).strip());
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && name != null) {
						events.add(new Event(id, name, data.toString()));
						name = null;
						data.setLength(0);
					}
				}
			}
			catch (RuntimeException closed) {
				// the test closed the stream
			}
		});
		reader.setDaemon(true);
		reader.start();
		return events;
	}

	/** The next event named {@code name} about {@code userId} (any when null), skipping others; 10 seconds at most. */
	static Event next(BlockingQueue<Event> events, String name, String userId) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (event != null && event.name().equals(name)
					&& (userId == null || event.data().contains("\"" + userId + "\""))) {
				return event;
			}
		}
		throw new AssertionError("No " + name + " event about user " + userId + " within 10 seconds");
	}

}
