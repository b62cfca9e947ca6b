package dev.igautomation.webhook;

import java.util.HexFormat;

import dev.igautomation.system.AppSecrets;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>} against an HMAC-SHA256 of the exact bytes received, under each
 * configured app secret, comparing in constant time.
 */
@Component
class SignatureVerifier {

	private static final String PREFIX = "sha256=";

	private final AppSecrets secrets;

	SignatureVerifier(AppSecrets secrets) {
		this.secrets = secrets;
	}

	void verify(byte[] body, String header) {
		if (secrets.isEmpty()) {
			throw new InvalidSignature("No app secret is configured, so no webhook can be verified: set "
					+ "INSTAGRAM_APP_SECRET (or FACEBOOK_APP_SECRET).");
		}
		if (header == null || header.isBlank()) {
			throw new InvalidSignature("The X-Hub-Signature-256 header is missing.");
		}
		if (secrets.signed(body, decode(header.trim()))) {
			return;
		}
		throw new InvalidSignature("X-Hub-Signature-256 does not match the body under any configured app secret.");
	}

	private static byte[] decode(String header) {
		if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			throw new InvalidSignature("X-Hub-Signature-256 must be 'sha256=<hex HMAC-SHA256 of the body>'.");
		}
		try {
			return HexFormat.of().parseHex(header.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSignature("X-Hub-Signature-256 must be 'sha256=<hex HMAC-SHA256 of the body>'.");
		}
	}

}
