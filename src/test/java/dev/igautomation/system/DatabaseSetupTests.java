package dev.igautomation.system;

import java.io.IOException;
import java.util.Arrays;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's migrations run, all of them, on each database, and health reports that database.
 */
abstract class DatabaseSetupTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RestTestClient client;

	abstract String expectedDatabase();

	@Test
	void everyMigrationRanSuccessfully() throws IOException {
		Resource[] migrations = new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/V*__*.sql");
		Integer applied = jdbc.queryForObject(
				"select count(*) from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null",
				Integer.class);

		assertThat(migrations).isNotEmpty();
		assertThat(applied).as(Arrays.toString(migrations)).isEqualTo(migrations.length);
	}

	@Test
	void healthIsUpWithTheDatabase() {
		Api api = new Api(client);
		for (String path : new String[] { "/health", "/actuator/health" }) {
			Answer health = api.get(path, null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.at("/status")).isEqualTo("UP");
			assertThat(health.at("/components/db/status")).isEqualTo("UP");
			assertThat(health.at("/components/db/details/database")).isEqualTo(expectedDatabase());
			assertThat(health.at("/components/credentials/status")).isEqualTo("UP");
		}
	}

	@Test
	void healthNamesWhatIsNotConfiguredYet() {
		Answer health = new Api(client).get("/health", null);

		assertThat(health.at("/components/setup/status")).isEqualTo("UP");
		assertThat(health.body().at("/components/setup/details/not_configured").toString()).contains("PUBLIC_URL")
			.doesNotContain("INSTAGRAM_APP_SECRET", "FACEBOOK_VERIFY_TOKEN");
	}

}
