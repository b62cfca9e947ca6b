package dev.igautomation.autoreply;

import java.nio.charset.StandardCharsets;

/**
 * Fills a rule's reply: {@code {username}} and {@code {name}} from the user's profile, or the rule's fallback name
 * (else "there") when the profile does not have them — the user never sees a raw placeholder. The result is cut to
 * Meta's 1000 bytes, at a character boundary, should a long name push it over.
 */
final class ReplyTemplate {

	static final String DEFAULT_FALLBACK = "there";

	private static final int MAX_BYTES = 1000;

	private ReplyTemplate() {
	}

	static boolean needsProfile(String replyText) {
		return replyText.contains("{username}") || replyText.contains("{name}");
	}

	static String render(String replyText, Profiles.Profile profile, String fallbackName) {
		String fallback = fallbackName != null ? fallbackName : DEFAULT_FALLBACK;
		String text = replyText.replace("{username}", profile.username() != null ? profile.username() : fallback)
			.replace("{name}", profile.name() != null ? profile.name() : fallback);
		return fitting(text);
	}

	/** The text, cut to Meta's 1000 bytes at a character boundary. */
	static String fitting(String text) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
			return text;
		}
		StringBuilder fitted = new StringBuilder();
		int bytes = 0;
		for (int offset = 0; offset < text.length();) {
			int codePoint = text.codePointAt(offset);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > MAX_BYTES) {
				break;
			}
			fitted.appendCodePoint(codePoint);
			bytes += size;
			offset += Character.charCount(codePoint);
		}
		return fitted.toString();
	}

}
