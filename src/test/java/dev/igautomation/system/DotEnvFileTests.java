package dev.igautomation.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .env}, as Compose reads it, configures {@code ./mvnw spring-boot:run} too: legacy names, {@code APP_*} names
 * bound like environment variables, the real environment first.
 */
class DotEnvFileTests {

	@Test
	void dotEnvLinesAreReadAsEnvironmentVariables(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(".env");
		Files.writeString(file, """
				# a comment
				FACEBOOK_VERIFY_TOKEN=from-the-file
				APP_CRM_RETRY_SCHEDULE=1s,2s  # inline comment
				export PORT="9090"
				DATABASE_URL=
				ADMIN_API_KEY=from-the-file
				""");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MockPropertySource().withProperty("app.env-file", file.toString())
				.withProperty("ADMIN_API_KEY", "from-the-real-environment"));

		new DotEnvFile().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("FACEBOOK_VERIFY_TOKEN")).isEqualTo("from-the-file");
		assertThat(Binder.get(environment).bind("app.crm.retry.schedule", String.class).get()).isEqualTo("1s,2s");
		assertThat(environment.getProperty("PORT")).isEqualTo("9090");
		assertThat(environment.containsProperty("DATABASE_URL")).as("empty is unset").isFalse();
		assertThat(environment.getProperty("ADMIN_API_KEY")).isEqualTo("from-the-real-environment");
	}

	@Test
	void noFileOrAnEmptySettingChangesNothing(@TempDir Path dir) {
		StandardEnvironment environment = new StandardEnvironment();
		int sources = environment.getPropertySources().size();
		environment.getPropertySources()
			.addFirst(new MockPropertySource().withProperty("app.env-file", dir.resolve("absent").toString()));

		new DotEnvFile().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().size()).isEqualTo(sources + 1);
	}

}
