package dev.igautomation.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected failure is a 500 problem that shows nothing of the service's internals.
 */
@WebMvcTest(UnexpectedErrorTests.FailingController.class)
@Import(UnexpectedErrorTests.FailingController.class)
@WithMockUser
class UnexpectedErrorTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void unexpectedExceptionIs500WithoutInternals() {
		assertThat(mvc.get().uri("/test/boom"))
			.hasStatus(500)
			.hasContentType("application/problem+json")
			.bodyJson()
			.satisfies(body -> assertThat(body.getJson()).doesNotContain("secret-internal-detail", "IllegalState",
					"at dev."))
			.extractingPath("$.code")
			.isEqualTo("internal_error");
	}

	@TestConfiguration
	@RestController
	@EnableConfigurationProperties(HttpProperties.class)
	static class FailingController {

		@GetMapping("/test/boom")
		String boom() {
			throw new IllegalStateException("secret-internal-detail");
		}

	}

}
