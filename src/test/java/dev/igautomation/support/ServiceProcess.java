package dev.igautomation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built service run as an operating-system process of its own (its classes and dependencies, the classpath of
 * this test run), so a test can kill it as a crash would: {@code SIGKILL}, no shutdown hook, no flush. Its output goes
 * to a log file under {@code target/}, named in failures.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> arguments;

	private final int port;

	private final Path log;

	private Process process;

	private ServiceProcess(List<String> arguments, int port, Path log) {
		this.arguments = arguments;
		this.port = port;
		this.log = log;
	}

	/** A service on {@code port} (kept across restarts) with these {@code --name=value} arguments. */
	public static ServiceProcess on(int port, String name, List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		all.add("--server.port=" + port);
		Path log = Path.of("target", "service-processes", name + "-" + port + ".log");
		return new ServiceProcess(all, port, log);
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public Path log() {
		return log;
	}

	/** Starts the service and waits until {@code /health} answers UP. */
	public ServiceProcess start() {
		try {
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					"dev.igautomation.InstagramAutomationApplication"));
			command.addAll(arguments);
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("The service stopped while starting; see " + log.toAbsolutePath());
			}
			if (healthy()) {
				return this;
			}
			sleep(200);
		}
		throw new AssertionError("The service did not answer /health UP within 2 minutes; see " + log.toAbsolutePath());
	}

	/** Kills the process as a crash would ({@code SIGKILL}), and waits until it is gone. */
	public void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new AssertionError("The killed service process is still there");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean healthy() {
		try {
			HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Stops the service gracefully, if it runs. */
	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
