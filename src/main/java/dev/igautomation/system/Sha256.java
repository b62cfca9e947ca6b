package dev.igautomation.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, which every JVM has. */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(byte[] bytes) {
		return digest().digest(bytes);
	}

	/** The lowercase hex SHA-256 of a string's UTF-8 bytes. */
	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** A new digest, to feed in parts. */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
