package dev.igautomation.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of API access.
 *
 * @param adminApiKey an admin key accepted from the first start (stored hashed), from {@code ADMIN_API_KEY}; when
 * blank and no admin key is stored, one is generated and printed once (outside production)
 */
@ConfigurationProperties("app.security")
record SecurityProperties(String adminApiKey) {

	boolean hasAdminApiKey() {
		return adminApiKey != null && !adminApiKey.isBlank();
	}

}
