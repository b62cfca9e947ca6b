package dev.igautomation.operator;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Creates or updates the admin given by {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD} before requests come in. */
@Component
class EnvironmentAdmin implements SmartInitializingSingleton {

	private final Operators operators;

	private final OperatorProperties properties;

	EnvironmentAdmin(Operators operators, OperatorProperties properties) {
		this.operators = operators;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.configured()) {
			properties.requireBoth();
			operators.syncEnvironmentAdmin(properties.adminEmail(), properties.adminPassword());
		}
	}

}
