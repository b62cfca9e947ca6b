import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * A Graph API that accepts every send at once: {@code java GraphStub.java PORT}. It counts the calls for each
 * message text (the benchmark puts the idempotency key in the text), so that a key sent twice to Meta shows.
 * {@code GET /stats} answers {@code calls distinct duplicates}; {@code POST /reset} starts again. It also plays
 * Meta's Conversations API for one account: {@code POST /conversations?count=N&account=ID} sets N conversations (two
 * messages each, one a day apart); {@code GET /v25.0/me/conversations} pages through them, 25 a page, and
 * {@code GET /v25.0/t_<n>} gives one's messages; {@code GET /conversation-stats} answers {@code calls max-per-second}.
 * Any other {@code GET} is a user profile lookup, answered with a username made from the path and not counted.
 */
public class GraphStub {

	private static final Pattern TEXT = Pattern.compile("\"text\":\"([^\"]*)\"");

	public static void main(String[] args) throws Exception {
		AtomicLong calls = new AtomicLong();
		AtomicLong duplicates = new AtomicLong();
		ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/stats", exchange -> {
			byte[] body = (calls.get() + " " + seen.size() + " " + duplicates.get()).getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/reset", exchange -> {
			calls.set(0);
			duplicates.set(0);
			seen.clear();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		Conversations conversations = new Conversations();
		server.createContext("/conversations", conversations::setUp);
		server.createContext("/conversation-stats", conversations::stats);
		server.createContext("/v25.0/me/conversations", conversations::page);
		server.createContext("/v25.0/t_", conversations::messages);
		server.createContext("/", exchange -> {
			if ("GET".equals(exchange.getRequestMethod())) {
				String user = exchange.getRequestURI().getPath().replaceAll(".*/", "");
				byte[] profile = ("{\"id\":\"" + user + "\",\"username\":\"user" + user + "\",\"name\":\"User\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, profile.length);
				exchange.getResponseBody().write(profile);
				exchange.close();
				return;
			}
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			long n = calls.incrementAndGet();
			Matcher text = TEXT.matcher(body);
			if (text.find() && seen.putIfAbsent(text.group(1), Boolean.TRUE) != null) {
				duplicates.incrementAndGet();
			}
			byte[] answer = ("{\"recipient_id\":\"1\",\"message_id\":\"m-" + n + "\"}").getBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		System.out.println("Graph stub on 127.0.0.1:" + args[0]);
	}

	/** Meta's Conversations API for one account, with the calls made to it counted per second. */
	static class Conversations {

		private volatile int count;

		private volatile String account = "0";

		private final ConcurrentHashMap<Long, AtomicLong> perSecond = new ConcurrentHashMap<>();

		private final AtomicLong calls = new AtomicLong();

		void setUp(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
			String query = exchange.getRequestURI().getQuery();
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				if ("count".equals(parts[0])) {
					count = Integer.parseInt(parts[1]);
				}
				if ("account".equals(parts[0])) {
					account = parts[1];
				}
			}
			perSecond.clear();
			calls.set(0);
			answer(exchange, "{}");
		}

		void stats(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
			long max = perSecond.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
			answer(exchange, calls.get() + " " + max);
		}

		void page(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
			counted();
			String query = exchange.getRequestURI().getQuery();
			int from = 0;
			if (query != null) {
				for (String pair : query.split("&")) {
					if (pair.startsWith("after=")) {
						from = Integer.parseInt(pair.substring(6));
					}
				}
			}
			StringBuilder data = new StringBuilder();
			long now = System.currentTimeMillis() / 1000;
			for (int i = from; i < Math.min(count, from + 25); i++) {
				data.append(i == from ? "" : ",").append("{\"id\":\"t_").append(i).append("\",\"updated_time\":\"")
					.append(now - i * 60L).append("\"}");
			}
			String paging = from + 25 < count
					? ",\"paging\":{\"next\":\"x\",\"cursors\":{\"after\":\"" + (from + 25) + "\"}}" : "";
			answer(exchange, "{\"data\":[" + data + "]" + paging + "}");
		}

		void messages(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
			counted();
			String id = exchange.getRequestURI().getPath().replaceAll(".*/t_", "");
			long now = System.currentTimeMillis() / 1000;
			String user = String.valueOf(4_000_000_000L + Long.parseLong(id));
			answer(exchange, """
					{"id":"t_%s","messages":{"data":[
					{"id":"aWdf-imp-%s-b","created_time":"%d","from":{"id":"%s"},"to":{"data":[{"id":"%s"}]},"message":"yes"},
					{"id":"aWdf-imp-%s-a","created_time":"%d","from":{"id":"%s"},"to":{"data":[{"id":"%s"}]},"message":"hi"}
					]}}""".formatted(id, id, now - 60, account, user, id, now - 86_400, user, account));
		}

		private void counted() {
			calls.incrementAndGet();
			perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, second -> new AtomicLong()).incrementAndGet();
		}

		private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body)
				throws java.io.IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
