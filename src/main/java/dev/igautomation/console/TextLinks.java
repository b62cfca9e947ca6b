package dev.igautomation.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Splits a message's text into plain parts and web links, so that templates show links clickable while every part
 * stays escaped (no HTML is built from a user's text). Templates call it as {@code @links}.
 */
@Component("links")
class TextLinks {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]']");

	/** A part of a text: a link when {@code url} is set. */
	record Part(String text, String url) {
	}

	public List<Part> parts(String text) {
		List<Part> parts = new ArrayList<>();
		if (text == null) {
			return parts;
		}
		Matcher matcher = URL.matcher(text);
		int from = 0;
		while (matcher.find()) {
			if (matcher.start() > from) {
				parts.add(new Part(text.substring(from, matcher.start()), null));
			}
			parts.add(new Part(matcher.group(), matcher.group()));
			from = matcher.end();
		}
		if (from < text.length()) {
			parts.add(new Part(text.substring(from), null));
		}
		return parts;
	}

}
