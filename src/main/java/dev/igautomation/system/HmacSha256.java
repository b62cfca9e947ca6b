package dev.igautomation.system;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 through the JDK. A new {@link Mac} per call: a {@code Mac} is not thread-safe, and making one costs far
 * less than the request it signs.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private HmacSha256() {
	}

	public static byte[] sign(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac.doFinal(message);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
