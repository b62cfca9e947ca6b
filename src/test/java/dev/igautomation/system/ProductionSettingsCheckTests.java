package dev.igautomation.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProductionSettingsCheckTests {

	private final ProductionSettingsCheck check = new ProductionSettingsCheck();

	@Test
	void productionWithoutSecretsRefusesToStartNamingEachOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("app.environment", "production")
			.withProperty("app.instagram.app-secret", ",");

		MissingSettings failure = catchThrowableOfType(MissingSettings.class,
				() -> check.postProcessEnvironment(environment, new SpringApplication()));

		assertThat(failure.settings()).hasSize(3);
		FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("INSTAGRAM_APP_SECRET", "FACEBOOK_VERIFY_TOKEN",
				"APP_ENCRYPTION_KEY");
	}

	@Test
	void productionNamesOnlyWhatIsMissing() {
		MockEnvironment environment = new MockEnvironment().withProperty("app.environment", "production")
			.withProperty("app.instagram.app-secret", "s")
			.withProperty("app.instagram.verify-token", "t");

		MissingSettings failure = catchThrowableOfType(MissingSettings.class,
				() -> check.postProcessEnvironment(environment, new SpringApplication()));

		assertThat(failure.settings()).singleElement().asString().contains("APP_ENCRYPTION_KEY");
	}

	@Test
	void productionWithEverySettingStarts() {
		MockEnvironment environment = new MockEnvironment().withProperty("app.environment", "production")
			.withProperty("app.instagram.app-secret", "s")
			.withProperty("app.instagram.verify-token", "t")
			.withProperty("app.security.encryption-key", "k");

		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void developmentNeedsNothing() {
		assertThatNoException().isThrownBy(() -> check
			.postProcessEnvironment(new MockEnvironment().withProperty("app.environment", "development"),
					new SpringApplication()));
	}

}
