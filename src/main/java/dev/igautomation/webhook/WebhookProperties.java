package dev.igautomation.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Meta's webhook subscription handshake is checked against; the signatures are checked with
 * {@link dev.igautomation.system.AppSecrets}.
 *
 * @param verifyToken the token of the subscription handshake; from {@code FACEBOOK_VERIFY_TOKEN}
 */
@ConfigurationProperties("app.instagram")
record WebhookProperties(String verifyToken) {

	@Override
	public String toString() {
		return "WebhookProperties[verifyTokenSet=" + (verifyToken != null && !verifyToken.isBlank()) + "]";
	}

}
