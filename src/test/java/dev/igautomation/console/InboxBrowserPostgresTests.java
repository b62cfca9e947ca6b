package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** With the human takeover lasting an hour, as it does by default. */
@PostgresIntegrationTest
@TestPropertySource(properties = "app.autoreply.human-pause=1h")
class InboxBrowserPostgresTests extends InboxBrowserTests {

	@Override
	boolean savesScreenshots() {
		return false;
	}

}
