package dev.igautomation.autoreply;

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
		int bytes = 0;
		for (int offset = 0; offset < text.length(); offset += Character.charCount(text.codePointAt(offset))) {
			int codePoint = text.codePointAt(offset);
			bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
			if (bytes > MAX_BYTES) {
				return text.substring(0, offset);
			}
		}
		return text;
	}

}
