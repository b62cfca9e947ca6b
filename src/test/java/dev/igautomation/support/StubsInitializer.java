package dev.igautomation.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service's outside calls at the {@link Stubs}. */
public class StubsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("app.instagram.graph-base-url=" + Stubs.graph().baseUrl(),
				"app.instagram.oauth-base-url=" + Stubs.graph().baseUrl() + "/oauth-host",
				"app.ai.base-url=" + Stubs.graph().baseUrl() + "/ai/v1")
			.applyTo(context.getEnvironment());
	}

}
