package dev.igautomation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of API keys: {@code iga_<lookup id>_<secret>}. The lookup id finds the stored row and is shown as the
 * key's prefix; the whole key is only ever kept as its SHA-256 hash. A fast hash is the right one here, as for
 * GitHub's and Stripe's tokens: the keys are 190 bits of randomness, so there is nothing for a slow hash to protect.
 */
final class ApiKeyTokens {

	static final String SCHEME = "iga_";

	private static final Pattern SHAPE = Pattern.compile("iga_([A-Za-z0-9]{10})_[A-Za-z0-9]{32}");

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeyTokens() {
	}

	/** A new key and its parts. */
	record NewToken(String token, String lookupId, String prefix, byte[] hash) {
	}

	static NewToken generate() {
		String lookupId = random(10);
		String token = SCHEME + lookupId + "_" + random(32);
		return new NewToken(token, lookupId, SCHEME + lookupId, hash(token));
	}

	/** The lookup id of a key in this service's shape; empty for any other string (such as a chosen admin key). */
	static Optional<String> lookupIdOf(String token) {
		Matcher matcher = SHAPE.matcher(token);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Compares in constant time, so the time taken says nothing about how much of a guess was right. */
	static boolean matches(String token, byte[] storedHash) {
		return MessageDigest.isEqual(hash(token), storedHash);
	}

	private static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

}
