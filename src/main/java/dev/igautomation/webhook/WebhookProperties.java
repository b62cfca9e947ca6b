package dev.igautomation.webhook;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Meta's webhooks are checked against.
 *
 * @param appSecret the keys Meta may sign webhooks with (a list: key rotation, and apps signed with the Facebook app
 * secret); from {@code INSTAGRAM_APP_SECRET} and {@code FACEBOOK_APP_SECRET}
 * @param verifyToken the token of the subscription handshake; from {@code FACEBOOK_VERIFY_TOKEN}
 */
@ConfigurationProperties("app.instagram")
record WebhookProperties(List<String> appSecret, String verifyToken) {

	WebhookProperties {
		appSecret = appSecret == null ? List.of()
				: appSecret.stream().map(String::trim).filter(secret -> !secret.isEmpty()).distinct().toList();
	}

	@Override
	public String toString() {
		return "WebhookProperties[appSecrets=" + appSecret.size() + "]";
	}

}
