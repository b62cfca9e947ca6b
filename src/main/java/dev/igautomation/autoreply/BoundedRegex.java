package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from rules, matched with a time bound. {@link java.util.regex} has no timeout and can take
 * exponential time on patterns like {@code (a+)+$}; the text is given to the matcher through a {@link CharSequence}
 * that checks the clock as the matcher reads it, which is the only way to stop a running match. Case is ignored,
 * Unicode-aware.
 */
final class BoundedRegex {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private BoundedRegex() {
	}

	/** Compiles a rule's pattern; throws {@link PatternSyntaxException} saying what is wrong with it. */
	static Pattern compile(String pattern) {
		return Pattern.compile(pattern, FLAGS);
	}

	/** Whether the pattern matches anywhere in the text; throws {@link TimedOut} when that takes over {@code limit}. */
	static boolean find(Pattern pattern, String text, Duration limit) {
		Matcher matcher = pattern.matcher(new Deadline(text, System.nanoTime() + limit.toNanos()));
		return matcher.find();
	}

	/** A match ran out of time. */
	static final class TimedOut extends RuntimeException {

		TimedOut() {
			super("The regular expression took too long", null, false, false);
		}

	}

	/** The text, read with the clock checked every few thousand characters the matcher reads. */
	private static final class Deadline implements CharSequence {

		private final String text;

		private final long deadlineNanos;

		private int reads;

		Deadline(String text, long deadlineNanos) {
			this.text = text;
			this.deadlineNanos = deadlineNanos;
		}

		@Override
		public char charAt(int index) {
			if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
				throw new TimedOut();
			}
			return text.charAt(index);
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Deadline(text.substring(start, end), deadlineNanos);
		}

		@Override
		public String toString() {
			return text;
		}

	}

}
