package dev.igautomation.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first console admin, created or updated at start-up, like {@code ADMIN_API_KEY}.
 *
 * @param adminEmail from {@code ADMIN_EMAIL}
 * @param adminPassword from {@code ADMIN_PASSWORD}; at least 12 characters
 */
@ConfigurationProperties("app.console")
record OperatorProperties(String adminEmail, String adminPassword) {

	boolean configured() {
		return hasText(adminEmail) || hasText(adminPassword);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	void requireBoth() {
		if (!hasText(adminEmail) || !hasText(adminPassword)) {
			throw new IllegalStateException("ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither.");
		}
	}

	@Override
	public String toString() {
		return "OperatorProperties[adminEmail=" + adminEmail + "]";
	}

}
