package dev.igautomation.system;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class DatabaseSetupH2Tests extends DatabaseSetupTests {

	@Override
	String expectedDatabase() {
		return "H2";
	}

}
