package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** On a database of its own, with the human takeover lasting an hour as it does by default. */
@IntegrationTest
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:inbox-browser;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "app.autoreply.human-pause=1h" })
class InboxBrowserH2Tests extends InboxBrowserTests {

	@Override
	boolean savesScreenshots() {
		return true;
	}

}
