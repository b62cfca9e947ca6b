package dev.igautomation.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.operator.Operators;
import dev.igautomation.security.ApiKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can get in from the first start, outside production: with no admin API key set or stored, one
 * is generated; with no operator stored (and none from {@code ADMIN_EMAIL}), a one-time link to set up the first
 * admin is issued. Both are printed once, in one box in the log. In production, the log says which settings to use.
 */
@Component
class FirstStart {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final ApiKeys apiKeys;

	private final Operators operators;

	private final Environment environment;

	FirstStart(ApiKeys apiKeys, Operators operators, Environment environment) {
		this.apiKeys = apiKeys;
		this.operators = operators;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		boolean needsKey = !apiKeys.anyAdminKey();
		boolean needsOperator = !operators.any();
		if (!needsKey && !needsOperator) {
			return;
		}
		if ("production".equalsIgnoreCase(environment.getProperty("app.environment", ""))) {
			log.warn("No admin API key or no console operator exists. Set ADMIN_API_KEY, and ADMIN_EMAIL with "
					+ "ADMIN_PASSWORD, then restart.");
			return;
		}
		List<String> lines = new ArrayList<>();
		if (needsKey) {
			ApiKeys.CreatedKey created = apiKeys.create("generated at first start", true, Set.of());
			lines.add("No admin API key was set, so one was generated. It is shown only this once:");
			lines.add("");
			lines.add("    " + created.token());
			lines.add("");
			lines.add("Use it as 'Authorization: Bearer <key>' (Swagger UI: /docs, Authorize).");
			lines.add("To use your own instead, set ADMIN_API_KEY and restart, then revoke this one:");
			lines.add("    DELETE /api/v1/api-keys/" + created.key().id());
		}
		if (needsOperator) {
			if (!lines.isEmpty()) {
				lines.add("");
			}
			lines.add("Open the console and set up its first admin with this one-time link (valid 24 hours):");
			lines.add("");
			lines.add("    " + baseUrl() + "/setup?token=" + operators.issueSetupLink());
			lines.add("");
			lines.add("Or set ADMIN_EMAIL and ADMIN_PASSWORD and restart.");
		}
		String rule = "=".repeat(80);
		log.warn("\n\n{}\n{}\n{}", rule, String.join("\n", lines), rule);
	}

	private String baseUrl() {
		return "http://localhost:" + environment.getProperty("local.server.port",
				environment.getProperty("server.port", "8080"));
	}

}
