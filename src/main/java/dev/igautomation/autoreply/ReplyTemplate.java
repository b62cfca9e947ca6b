package dev.igautomation.autoreply;

import java.util.regex.Pattern;

/**
 * Fills a rule's reply: {@code {username}} and {@code {name}} from the user's profile, or the rule's fallback name
 * when the profile does not have them. A rule without a fallback name leaves an unknown placeholder out, with the
 * space before it ("Thanks {username}!" becomes "Thanks!", "Hi {name}, welcome" becomes "Hi, welcome"): no word
 * reads right in every sentence. The user never sees a raw placeholder. The result is cut to Meta's 1000 bytes, at a
 * character boundary, should a long name push it over.
 */
final class ReplyTemplate {

	private static final int MAX_BYTES = 1000;

	private static final Pattern UNKNOWN_PLACEHOLDER = Pattern.compile("[ \\t]*\\{(?:username|name)}");

	private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,;:]+");

	private ReplyTemplate() {
	}

	static boolean needsProfile(String replyText) {
		return replyText.contains("{username}") || replyText.contains("{name}");
	}

	static String render(String replyText, Profiles.Profile profile, String fallbackName) {
		String text = replyText;
		if (profile.username() != null || fallbackName != null) {
			text = text.replace("{username}", profile.username() != null ? profile.username() : fallbackName);
		}
		if (profile.name() != null || fallbackName != null) {
			text = text.replace("{name}", profile.name() != null ? profile.name() : fallbackName);
		}
		return fitting(withoutUnknownPlaceholders(text));
	}

	private static String withoutUnknownPlaceholders(String text) {
		if (!needsProfile(text)) {
			return text;
		}
		String left = LEADING_PUNCTUATION.matcher(UNKNOWN_PLACEHOLDER.matcher(text).replaceAll("")).replaceFirst("");
		return left.isEmpty() || text.startsWith(left) ? left
				: left.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + left.substring(1);
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
