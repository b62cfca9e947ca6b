import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A CRM that answers 200 at once: {@code java -Dsun.net.httpserver.nodelay=true CrmReceiver.java PORT} (without
 * TCP_NODELAY the JDK server adds a 40 ms delayed-ACK stall to every answer). {@code GET /count} says how many
 * deliveries it received; {@code GET /stats} answers {@code received distinct-webhook-ids repeated}, a repeat being
 * a delivery whose {@code webhook-id} came before.
 */
public class CrmReceiver {

	public static void main(String[] args) throws Exception {
		AtomicLong received = new AtomicLong();
		AtomicLong repeated = new AtomicLong();
		ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/count", exchange -> {
			byte[] body = Long.toString(received.get()).getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/stats", exchange -> {
			byte[] body = (received.get() + " " + ids.size() + " " + repeated.get()).getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.incrementAndGet();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			if (id != null && ids.putIfAbsent(id, Boolean.TRUE) != null) {
				repeated.incrementAndGet();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		System.out.println("CRM receiver on 127.0.0.1:" + args[0]);
	}

}
