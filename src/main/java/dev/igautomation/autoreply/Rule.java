package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An auto-reply rule of an account.
 *
 * @param pattern what the message must be, contain or match; null for {@link MatchType#ANY}
 * @param fallbackName what {@code {username}} and {@code {name}} become when the user's profile is unknown; null for
 * "there"
 * @param cooldown how long the rule stays quiet for a user it answered; null for no cooldown
 * @param mediaIds for {@link Trigger#COMMENT}: the posts whose comments it answers; empty for every post
 * @param action whether it answers with its reply text or with a reply an AI model writes
 * @param aiInstructions for {@link Action#AI}: what the model is told to do
 */
public record Rule(String id, String accountId, String name, Trigger trigger, MatchType matchType, String pattern,
		String replyText, String fallbackName, int priority, boolean enabled, Duration cooldown, List<String> mediaIds,
		Action action, String aiInstructions, Instant createdAt, Instant updatedAt) {

	/** What a rule answers with. */
	public enum Action {

		/** Its reply text, with the placeholders filled. */
		TEXT,
		/** A reply an AI model writes from its instructions and the conversation; its reply text if that fails. */
		AI;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Action of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** What kind of user message a rule answers. */
	public enum Trigger {

		/** A direct message: text, attachments, a shared post. */
		DIRECT_MESSAGE,
		/** The user mentioned the account in their story. */
		STORY_MENTION,
		/** The user answered one of the account's stories. */
		STORY_REPLY,
		/** The user tapped a button or an ice breaker: matched on its payload. */
		POSTBACK,
		/** The user tapped a quick reply: matched on its payload. */
		QUICK_REPLY,
		/** The user commented on one of the account's posts: answered with a private reply. */
		COMMENT;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Trigger of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** How a rule's pattern is compared with the message, ignoring case and surrounding whitespace. */
	public enum MatchType {

		/** The whole message is the pattern. */
		EXACT,
		/** The message contains the pattern. */
		CONTAINS,
		/** The regular expression matches somewhere in the message. */
		REGEX,
		/** Every message: a default reply. */
		ANY;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static MatchType of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
