package dev.igautomation.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can use the API from the first start: the key from {@code ADMIN_API_KEY} works at once; with
 * none set and none stored, outside production, a key is generated and printed this one time.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

	private final ApiKeys apiKeys;

	private final SecurityProperties properties;

	private final Environment environment;

	AdminKeyBootstrap(ApiKeys apiKeys, SecurityProperties properties, Environment environment) {
		this.apiKeys = apiKeys;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		apiKeys.syncEnvironmentKey(properties.adminApiKey());
		if (apiKeys.anyAdminKey()) {
			return;
		}
		if ("production".equalsIgnoreCase(environment.getProperty("app.environment", ""))) {
			log.warn("No admin API key exists. Set ADMIN_API_KEY and restart to manage the service.");
			return;
		}
		ApiKeys.CreatedKey created = apiKeys.create("generated at first start", true, java.util.Set.of());
		log.warn("""

				================================================================================
				No admin API key was set, so one was generated. It is shown only this once:

				    {}

				Use it as 'Authorization: Bearer <key>' (Swagger UI: /docs, Authorize).
				To use your own instead, set ADMIN_API_KEY and restart, then revoke this one:
				    DELETE /api/v1/api-keys/{}
				================================================================================""",
				created.token(), created.key().getId());
	}

}
