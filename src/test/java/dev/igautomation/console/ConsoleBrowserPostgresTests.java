package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleBrowserPostgresTests extends ConsoleBrowserTests {

	@Override
	boolean savesScreenshots() {
		return false;
	}

}
