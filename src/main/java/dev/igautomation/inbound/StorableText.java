package dev.igautomation.inbound;

/**
 * Text in a form both databases store identically. PostgreSQL refuses the NUL character and cannot encode a lone
 * UTF-16 surrogate (its driver would write {@code ?}); H2 takes both. Plain text gets U+FFFD (the replacement
 * character) in their place; JSON keeps a lone surrogate losslessly as its {@code \\uXXXX} escape (NUL never
 * appears unescaped in JSON written by Jackson).
 */
final class StorableText {

	private static final char REPLACEMENT = '\uFFFD';

	private StorableText() {
	}

	static String text(String value) {
		if (value == null || storable(value)) {
			return value;
		}
		StringBuilder fixed = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0 || lone(value, i)) {
				fixed.append(REPLACEMENT);
			}
			else {
				if (Character.isHighSurrogate(c)) {
					fixed.append(c);
					c = value.charAt(++i);
				}
				fixed.append(c);
			}
		}
		return fixed.toString();
	}

	static String json(String value) {
		if (value == null || storable(value)) {
			return value;
		}
		StringBuilder fixed = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0 || lone(value, i)) {
				fixed.append("\\u").append(String.format("%04x", (int) c));
			}
			else {
				if (Character.isHighSurrogate(c)) {
					fixed.append(c);
					c = value.charAt(++i);
				}
				fixed.append(c);
			}
		}
		return fixed.toString();
	}

	private static boolean storable(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0 || lone(value, i)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				i++;
			}
		}
		return true;
	}

	/** Whether the char at {@code i} is a surrogate that is not part of a pair. */
	private static boolean lone(String value, int i) {
		char c = value.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
		}
		return Character.isLowSurrogate(c);
	}

}
