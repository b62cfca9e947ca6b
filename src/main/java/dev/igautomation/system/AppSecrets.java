package dev.igautomation.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Meta's app secrets ({@code app.instagram.app-secret}, from {@code INSTAGRAM_APP_SECRET} and
 * {@code FACEBOOK_APP_SECRET}): a list, for key rotation and apps that Meta signs with the Facebook app secret. The
 * first is the Instagram app secret, Instagram Login's {@code client_secret}. Never printed.
 *
 * @param appSecret the secrets, blanks and repeats left out
 */
@ConfigurationProperties("app.instagram")
public record AppSecrets(List<String> appSecret) {

	public AppSecrets {
		appSecret = appSecret == null ? List.of()
				: appSecret.stream().map(String::trim).filter(secret -> !secret.isEmpty()).distinct().toList();
	}

	public boolean isEmpty() {
		return appSecret.isEmpty();
	}

	/** The Instagram app secret; null when none is set. */
	public String primary() {
		return appSecret.isEmpty() ? null : appSecret.get(0);
	}

	/**
	 * Whether {@code claimed} is the HMAC-SHA256 of {@code message} under one of the secrets. Every secret is tried
	 * and compared in constant time, so the answer's timing tells nothing of the secrets or which one matched.
	 */
	public boolean signed(byte[] message, byte[] claimed) {
		boolean matches = false;
		for (String secret : appSecret) {
			matches |= MessageDigest.isEqual(HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8), message), claimed);
		}
		return matches;
	}

	@Override
	public String toString() {
		return "AppSecrets[" + appSecret.size() + "]";
	}

}
