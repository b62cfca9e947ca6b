import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A CRM that answers 200 at once: {@code java -Dsun.net.httpserver.nodelay=true CrmReceiver.java PORT} (without
 * TCP_NODELAY the JDK server adds a 40 ms delayed-ACK stall to every answer). {@code GET /count} says how many deliveries it
 * received.
 */
public class CrmReceiver {

	public static void main(String[] args) throws Exception {
		AtomicLong received = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/count", exchange -> {
			byte[] body = Long.toString(received.get()).getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		System.out.println("CRM receiver on 127.0.0.1:" + args[0]);
	}

}
