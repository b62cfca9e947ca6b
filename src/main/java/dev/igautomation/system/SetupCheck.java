package dev.igautomation.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, once at start-up and in {@code /health}, what is not configured yet for Meta to reach the service: without
 * an app secret every webhook is refused (401), without a verify token Meta's subscription handshake is refused, and
 * without a public URL Meta has nowhere to call. The service still starts (outside production, where the first two
 * are required): the API works, and a user can try it locally first.
 */
@Component("setup")
class SetupCheck implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(SetupCheck.class);

	private final List<String> notConfigured = new ArrayList<>();

	private final String publicUrl;

	SetupCheck(AppSecrets secrets, @Value("${app.instagram.verify-token:}") String verifyToken,
			@Value("${app.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		if (secrets.isEmpty()) {
			notConfigured.add("INSTAGRAM_APP_SECRET: every webhook is refused (401) until it is set to the app "
					+ "secret of Meta's app dashboard (App settings > Basic)");
		}
		if (verifyToken.isBlank()) {
			notConfigured.add("FACEBOOK_VERIFY_TOKEN: Meta's subscription handshake is refused until it is set "
					+ "to the token entered in Meta's app dashboard");
		}
		if (this.publicUrl.isEmpty()) {
			notConfigured.add("PUBLIC_URL: Meta can only call a public https address; set it to where this service "
					+ "is reachable (e.g. https://ig.example.com) and give Meta <PUBLIC_URL>/webhooks/instagram");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		if (!notConfigured.isEmpty()) {
			log.warn("Not configured yet (the API works; see /health):{}",
					notConfigured.stream().map(line -> "\n  - " + line).reduce("", String::concat));
		}
		if (!publicUrl.isEmpty()) {
			log.info("Meta's webhook callback URL: {}/webhooks/instagram", publicUrl);
		}
	}

	@Override
	public Health health() {
		return Health.up().withDetail("not_configured", notConfigured).build();
	}

}
