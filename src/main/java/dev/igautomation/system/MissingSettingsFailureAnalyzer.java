package dev.igautomation.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a start-up failure caused by {@link MissingSettings} as a list of what to set or correct, without a stack
 * trace.
 */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettings> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettings cause) {
		String description = "The service cannot start: these settings are missing or wrong:%n  - %s"
			.formatted(String.join("%n  - ".formatted(), cause.settings()));
		return new FailureAnalysis(description,
				"Set each of them in the environment (see .env.example), then start the service again.", cause);
	}

}
