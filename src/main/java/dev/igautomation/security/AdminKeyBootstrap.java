package dev.igautomation.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes the key from {@code ADMIN_API_KEY} work from the first request (or revokes it once unset). A key generated
 * when none is set is the console's first-start notice's job, which prints it with the console's setup link.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

	private final ApiKeys apiKeys;

	private final SecurityProperties properties;

	AdminKeyBootstrap(ApiKeys apiKeys, SecurityProperties properties) {
		this.apiKeys = apiKeys;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		apiKeys.syncEnvironmentKey(properties.adminApiKey());
	}

}
