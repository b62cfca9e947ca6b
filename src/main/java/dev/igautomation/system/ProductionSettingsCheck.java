package dev.igautomation.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code ENVIRONMENT=production}, refuses to start while a setting the service cannot run safely without is
 * missing, and names each one. Runs before anything connects anywhere.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!"production".equalsIgnoreCase(environment.getProperty("app.environment", ""))) {
			return;
		}
		Binder binder = Binder.get(environment);
		List<String> missing = new ArrayList<>();
		boolean hasAppSecret = binder.bind("app.instagram.app-secret", Bindable.listOf(String.class))
			.map(secrets -> secrets.stream().anyMatch(secret -> !secret.isBlank()))
			.orElse(false);
		if (!hasAppSecret) {
			missing.add("INSTAGRAM_APP_SECRET (or FACEBOOK_APP_SECRET, or app.instagram.app-secret): "
					+ "the key Meta signs webhooks with");
		}
		if (isBlank(environment.getProperty("app.instagram.verify-token"))) {
			missing.add("FACEBOOK_VERIFY_TOKEN (or app.instagram.verify-token): "
					+ "the token of the webhook verification handshake");
		}
		if (isBlank(environment.getProperty("app.security.encryption-key"))) {
			missing.add("APP_ENCRYPTION_KEY (or app.security.encryption-key): "
					+ "a base64 32-byte key for credentials at rest, e.g. from `openssl rand -base64 32`");
		}
		if (!missing.isEmpty()) {
			throw new MissingSettings(missing);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
