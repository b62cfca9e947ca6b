package dev.igautomation.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void earlierVersionsPostgresUrlBecomesJdbcSettings() {
		Map<String, String> settings = DatabaseUrlEnvironmentPostProcessor
			.datasourceProperties("postgres://app:p%40ss%3Aword@db.internal:5433/automation?sslmode=require");

		assertThat(settings).containsEntry("spring.datasource.url",
				"jdbc:postgresql://db.internal:5433/automation?sslmode=require")
			.containsEntry("spring.datasource.username", "app")
			.containsEntry("spring.datasource.password", "p@ss:word");
	}

	@Test
	void postgresqlSchemeWithoutPortOrPasswordWorks() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.datasourceProperties("postgresql://app@localhost/db"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://localhost/db")
			.containsEntry("spring.datasource.username", "app")
			.containsEntry("spring.datasource.password", "");
	}

	@Test
	void jdbcUrlIsUsedAsItIs() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.datasourceProperties("jdbc:postgresql://localhost:5432/db?user=app&password=x"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/db?user=app&password=x");
	}

	@Test
	void otherSchemesAreRefusedWithTheExpectedForm() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.datasourceProperties("mysql://x@y/z"))
			.withMessageContaining("postgres://user:password@host:5432/database");
	}

	@Test
	void databaseUrlOverridesTheEmbeddedDefaultAndSwitchesTheQueueToSkipLocked() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:h2:file:./data/x");
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("DATABASE_URL", "postgres://u:p@h:5432/d")));

		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://h:5432/d");
		assertThat(environment.getProperty("db-scheduler.polling-strategy")).isEqualTo("lock_and_fetch");
	}

}
