package dev.igautomation.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads the {@code .env} file of the working directory (the one {@code docker compose} reads, made from
 * {@code .env.example}) as if its lines were environment variables, so that one file configures both
 * {@code ./mvnw spring-boot:run} and Compose. It is read as environment variables, not as properties, so
 * {@code APP_CRM_RETRY_SCHEDULE} sets {@code app.crm.retry.schedule} as it would in the environment. Real
 * environment variables and command-line arguments win; an empty value ({@code DATABASE_URL=}) counts as unset.
 * {@code app.env-file} names another file, or none when empty (the tests' setting).
 */
class DotEnvFile implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "dotEnvFile";

	/** After Boot reads application.yml and the profiles' files, before anything reads the settings. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 11;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String name = environment.getProperty("app.env-file", ".env");
		if (name.isBlank() || !Files.isRegularFile(Path.of(name))) {
			return;
		}
		addAfterTheEnvironment(environment,
				new SystemEnvironmentPropertySource(PROPERTY_SOURCE_NAME, read(Path.of(name))));
	}

	/** Settings that the real environment (and the command line) override, and that override application.yml. */
	static void addAfterTheEnvironment(ConfigurableEnvironment environment, PropertySource<?> source) {
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

	/** {@code NAME=value} lines as Compose reads them: comments, blank lines and an optional {@code export} aside. */
	static Map<String, Object> read(Path file) {
		Map<String, Object> variables = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String trimmed = line.strip();
				if (trimmed.startsWith("export ")) {
					trimmed = trimmed.substring(7).strip();
				}
				int equals = trimmed.indexOf('=');
				if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
					continue;
				}
				String value = unquoted(trimmed.substring(equals + 1).strip());
				if (!value.isEmpty()) {
					variables.put(trimmed.substring(0, equals).strip(), value);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file.toAbsolutePath(), ex);
		}
		return variables;
	}

	private static String unquoted(String value) {
		if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
				|| value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		int comment = value.indexOf(" #");
		return comment < 0 ? value : value.substring(0, comment).strip();
	}

}
