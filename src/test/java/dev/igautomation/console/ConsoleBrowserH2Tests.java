package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * On a database of its own (one more application context), so that its screenshots show what a new person sees
 * rather than the accounts other tests made.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class ConsoleBrowserH2Tests extends ConsoleBrowserTests {

	@Override
	boolean savesScreenshots() {
		return true;
	}

}
