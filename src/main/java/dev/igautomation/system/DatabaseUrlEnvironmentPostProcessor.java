package dev.igautomation.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code DATABASE_URL}, the setting the earlier version used, in either the {@code postgres://user:pass@host/db}
 * form or as a JDBC URL, and turns it into Spring's datasource settings. Explicit {@code spring.datasource.*} settings
 * still win. On PostgreSQL the job queue polls with {@code SELECT ... FOR UPDATE SKIP LOCKED}.
 * <p>
 * An H2 database on disk gets {@code WRITE_DELAY=0} unless its URL sets a delay: by default H2 returns from a commit
 * up to half a second before the data leaves the process, so a crash would lose what was acknowledged (webhooks
 * answered 200, sends accepted). With no delay each commit is written to the file before it returns.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "databaseUrl";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		Map<String, Object> properties = new HashMap<>();
		if (databaseUrl != null && !databaseUrl.isBlank()) {
			properties.putAll(datasourceProperties(databaseUrl.trim()));
		}
		String jdbcUrl = (String) properties.getOrDefault("spring.datasource.url",
				environment.getProperty("spring.datasource.url", ""));
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			properties.put("db-scheduler.polling-strategy", "lock_and_fetch");
		}
		if (isH2OnDisk(jdbcUrl) && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("h2CommitsWritten",
						Map.of("spring.datasource.url", jdbcUrl + ";WRITE_DELAY=0")));
		}
		if (properties.isEmpty()) {
			return;
		}
		DotEnvFile.addAfterTheEnvironment(environment, new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static boolean isH2OnDisk(String jdbcUrl) {
		return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
	}

	static Map<String, String> datasourceProperties(String databaseUrl) {
		if (databaseUrl.startsWith("jdbc:")) {
			return Map.of("spring.datasource.url", databaseUrl, "spring.datasource.username", "",
					"spring.datasource.password", "");
		}
		URI uri = URI.create(databaseUrl);
		String scheme = uri.getScheme();
		if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
			throw new IllegalArgumentException("DATABASE_URL must be postgres://user:password@host:5432/database "
					+ "or a jdbc: URL; its scheme is '" + scheme + "'.");
		}
		String host = uri.getHost();
		if (host == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalArgumentException(
					"DATABASE_URL must name a host and a database: postgres://user:password@host:5432/database.");
		}
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host);
		if (uri.getPort() > 0) {
			jdbc.append(':').append(uri.getPort());
		}
		jdbc.append(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		String user = "";
		String password = "";
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			user = decode(userInfo[0]);
			password = userInfo.length > 1 ? decode(userInfo[1]) : "";
		}
		return Map.of("spring.datasource.url", jdbc.toString(), "spring.datasource.username", user,
				"spring.datasource.password", password);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
