package dev.igautomation.system;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class DatabaseSetupPostgresTests extends DatabaseSetupTests {

	@Override
	String expectedDatabase() {
		return "PostgreSQL";
	}

}
