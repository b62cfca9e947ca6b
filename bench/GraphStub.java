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
 * {@code GET /stats} answers {@code calls distinct duplicates}; {@code POST /reset} starts again. Any other
 * {@code GET} is a user profile lookup, answered with a username made from the path and not counted.
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

}
