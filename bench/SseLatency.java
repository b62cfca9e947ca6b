import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inbox's live stream under load, for bench/inbox.sh. Logs in as an operator through the form, then: (1) opens
 * CONNECTIONS streams at once and checks that the instance still answers other requests while they are open; (2) with
 * one stream open, sends signed DMs from new users at RATE a second for DURATION seconds and measures, for each, the
 * time from the webhook's acknowledgement to its event on the stream.
 * Arguments: base-url email password instagram-account-id app-secret rate duration connections.
 */
public class SseLatency {

	static final Pattern USER = Pattern.compile("\"user_id\":\"(\\d+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int rate = Integer.parseInt(args[5]);
		int duration = Integer.parseInt(args[6]);
		int connections = Integer.parseInt(args[7]);
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		csrf.find();
		String form = "username=" + enc(args[1]) + "&password=" + enc(args[2]) + "&_csrf=" + enc(csrf.group(1));
		int status = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status != 302) {
			throw new IllegalStateException("login answered " + status);
		}

		// (1) many streams at once
		List<CompletableFuture<HttpResponse<Stream<String>>>> opened = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			opened.add(http.sendAsync(stream(base), HttpResponse.BodyHandlers.ofLines()));
		}
		int ok = 0;
		List<HttpResponse<Stream<String>>> open = new ArrayList<>();
		for (CompletableFuture<HttpResponse<Stream<String>>> future : opened) {
			HttpResponse<Stream<String>> response = future.get(60, TimeUnit.SECONDS);
			open.add(response);
			ok += response.statusCode() == 200 ? 1 : 0;
		}
		List<Long> health = new ArrayList<>();
		HttpClient other = HttpClient.newHttpClient();
		for (int i = 0; i < 50; i++) {
			long start = System.nanoTime();
			other.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding());
			health.add(System.nanoTime() - start);
		}
		String threads = metric(other, base, "jvm_threads_live_threads");
		open.forEach(response -> response.body().close());
		System.out.printf("== %d inbox streams open at once: %d answered 200; meanwhile GET /health took %.1f ms (median), "
				+ "%.1f ms (max) over 50 calls; live JVM threads: %s ==%n", connections, ok, ms(pct(health, 50)),
				ms(pct(health, 100)), threads);

		// (2) latency at a steady rate
		Map<String, Long> acknowledged = new ConcurrentHashMap<>();
		Map<String, Long> streamed = new ConcurrentHashMap<>();
		HttpResponse<Stream<String>> live = http.send(stream(base), HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> live.body().forEach(line -> {
			if (line.startsWith("data:")) {
				Matcher user = USER.matcher(line);
				if (user.find()) {
					streamed.putIfAbsent(user.group(1), System.nanoTime());
				}
			}
		}));
		reader.setDaemon(true);
		reader.start();
		Thread.sleep(1000);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(args[4].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
		int total = rate * duration;
		long startUser = 5_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 1000;
		for (int i = 0; i < total; i++) {
			String user = String.valueOf(startUser + i);
			sender.schedule(() -> {
				long now = System.currentTimeMillis();
				String body = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + args[3] + "\",\"time\":" + now
						+ ",\"messaging\":[{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + args[3]
						+ "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"sse-" + user + "\",\"text\":\"hi\"}}]}]}";
				String signature;
				synchronized (mac) {
					signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
				}
				other.sendAsync(HttpRequest.newBuilder(URI.create(base + "/webhooks/instagram"))
					.header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
					.thenAccept(response -> {
						if (response.statusCode() == 200) {
							acknowledged.put(user, System.nanoTime());
						}
					});
			}, i * 1_000_000L / rate, TimeUnit.MICROSECONDS);
		}
		Thread.sleep(duration * 1000L + 10_000);
		List<Long> latencies = new ArrayList<>();
		acknowledged.forEach((user, at) -> {
			Long seen = streamed.get(user);
			if (seen != null) {
				latencies.add(Math.max(0, seen - at));
			}
		});
		System.out.printf("== SSE latency, webhook acknowledged -> its event on an operator's stream, %d DMs/s for %d s: "
				+ "%d acknowledged, %d on the stream, median %.0f ms, p99 %.0f ms, max %.0f ms ==%n", rate, duration,
				acknowledged.size(), latencies.size(), ms(pct(latencies, 50)), ms(pct(latencies, 99)),
				ms(pct(latencies, 100)));
		System.exit(0);
	}

	static HttpRequest stream(String base) {
		return HttpRequest.newBuilder(URI.create(base + "/inbox/events")).header("Accept", "text/event-stream").build();
	}

	static String metric(HttpClient http, String base, String name) throws Exception {
		String all = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		return all.lines().filter(line -> line.startsWith(name)).findFirst().map(line -> line.replaceAll(".* ", ""))
			.orElse("n/a");
	}

	static long pct(List<Long> values, int p) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
	}

	static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
