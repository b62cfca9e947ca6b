package dev.igautomation.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test application context at the embedded PostgreSQL server, polled as in production
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}).
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.datasource.url=" + EmbeddedPostgres.jdbcUrl(),
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"db-scheduler.polling-strategy=lock_and_fetch")
			.applyTo(context.getEnvironment());
	}

}
