package dev.igautomation.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API access.
 *
 * @param adminApiKey an admin key accepted from the first start (stored hashed), from {@code ADMIN_API_KEY}; when
 * blank and no admin key is stored, one is generated and printed once (outside production)
 * @param rateLimit how many requests each API key may make
 */
@ConfigurationProperties("app.security")
record SecurityProperties(String adminApiKey, @DefaultValue RateLimit rateLimit) {

	/**
	 * @param requestsPerSecond the sustained rate per key
	 * @param burst how many requests a key may make at once above that
	 */
	record RateLimit(@DefaultValue("50") int requestsPerSecond, @DefaultValue("100") int burst) {
	}

	boolean hasAdminApiKey() {
		return adminApiKey != null && !adminApiKey.isBlank();
	}

}
