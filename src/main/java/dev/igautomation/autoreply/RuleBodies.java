package dev.igautomation.autoreply;

import java.time.Instant;
import java.util.List;

import dev.igautomation.outbound.RichContent;
import dev.igautomation.outbound.RichContent.Button;
import dev.igautomation.outbound.RichContent.Card;
import dev.igautomation.system.MaxUtf8Bytes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the rules API: a rule as sent to create it, as sent to change it, and as answered.
 */
final class RuleBodies {

	private static final String TRIGGERS = RuleFields.TRIGGERS;

	private static final String TRIGGER_NAMES = RuleFields.TRIGGER_MESSAGE;

	private static final String MATCH_TYPES = RuleFields.MATCH_TYPES;

	private RuleBodies() {
	}

	record CreateRuleRequest(
			@Schema(description = "What the rule is for", example = "Price") @NotBlank(message = "is required")
			@Size(max = 100, message = "must be at most 100 characters") String name,
			@Schema(description = "What kind of message it answers; postback and quick_reply are matched on their "
					+ "payload", allowableValues = { "direct_message", "story_mention", "story_reply", "postback",
							"quick_reply", "comment", "referral" }, defaultValue = "direct_message")
			@jakarta.validation.constraints.Pattern(regexp = TRIGGERS,
					message = TRIGGER_NAMES)
			String trigger,
			@Schema(allowableValues = { "exact", "contains", "regex", "any" }, example = "contains")
			@NotNull(message = "is required")
			@jakarta.validation.constraints.Pattern(regexp = MATCH_TYPES,
					message = RuleFields.MATCH_TYPE_MESSAGE) String matchType,
			@Schema(description = "What the message must be (exact), contain (contains) or match (regex, Java "
					+ "syntax); case is ignored. Left out for any.", example = "price")
			@Size(max = 500, message = "must be at most 500 characters") String pattern,
			@Schema(description = "The answer; {username} and {name} become the user's Instagram username and name. "
					+ "With buttons, the text above them (at most 640 characters); with cards, not needed (and not sent)",
					example = "Hi {username}! Our prices are on https://acme.example/prices")
			@Size(min = 1, message = "must not be empty") @MaxUtf8Bytes(1000) String replyText,
			@Schema(description = "What {username} and {name} become when the profile cannot be fetched. Left out: "
					+ "the placeholder is left out with the space before it (\"Thanks {username}!\" becomes "
					+ "\"Thanks!\")", example = "friend")
			@Size(max = 100, message = "must be at most 100 characters") String fallbackName,
			@Schema(description = "Lower is tried first", defaultValue = "100", example = "10")
			@Min(value = 1, message = "must be 1 or more")
			@Max(value = 1_000_000, message = "must be at most 1000000") Integer priority,
			@Schema(defaultValue = "true") Boolean enabled,
			@Schema(description = "Minutes the rule stays quiet for a user it answered; 0 or left out for none",
					example = "60")
			@Min(value = 0, message = "must be 0 or more")
			@Max(value = 525_600, message = "must be at most 525600 (a year)") Integer cooldownMinutes,
			@Schema(description = "With trigger comment: only comments on these posts (media ids); left out for all",
					example = "[\"18023345678901234\"]")
			@Size(max = 50, message = "must be at most 50") List<@jakarta.validation.constraints.Pattern(
					regexp = "\\d{1,32}", message = "must be digits only") String> mediaIds,
			@Schema(description = "text: answer with reply_text; ai: an AI model writes the answer from ai_instructions "
					+ "and the conversation, and reply_text is sent if it fails", allowableValues = { "text", "ai" },
					defaultValue = "text")
			@jakarta.validation.constraints.Pattern(regexp = RuleFields.ACTIONS, message = RuleFields.ACTION_MESSAGE) String action,
			@Schema(description = "With action ai: what the model should do",
					example = "You are the assistant of Acme, a clothes shop. Answer questions about sizes and delivery.")
			@Size(max = 4000, message = "must be at most 4000 characters") String aiInstructions,
			@Schema(description = "1 to 3 buttons under the reply text (Meta's button template)")
			@Size(max = RichContent.MAX_BUTTONS, message = "must be at most 3 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Button> buttons,
			@Schema(description = "1 to 10 cards, shown as a carousel (Meta's generic template), instead of a text")
			@Size(max = RichContent.MAX_CARDS, message = "must be at most 10 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Card> cards,
			@Schema(description = "Seconds a typing indicator shows before the reply, 1 to 5; 0 or left out for none",
					example = "2")
			@Min(value = 0, message = "must be 0 to 5") @Max(value = 5, message = "must be 0 to 5") Integer typingSeconds,
			@Schema(description = "With trigger comment: texts it also answers with publicly under the comment, one "
					+ "at random (never the one it used last), so Meta does not see the same text over and over")
			@Size(max = 20, message = "must be at most 20") List<@NotBlank(message = "must not be blank")
			@Size(max = 2200, message = "must be at most 2200 characters (Instagram's limit for a comment)")
			String> publicReplies,
			@Schema(description = "Messages or comments containing one of these words (case ignored) are not "
					+ "answered by this rule", example = "[\"giveaway\"]")
			@Size(max = 50, message = "must be at most 50") List<@NotBlank(message = "must not be blank")
			@Size(max = 100, message = "must be at most 100 characters") String> excludedWords) {
	}

	record UpdateRuleRequest(@Schema(example = "Price")
	@Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
			@Schema(allowableValues = { "direct_message", "story_mention", "story_reply", "postback", "quick_reply",
					"comment", "referral" })
			@jakarta.validation.constraints.Pattern(regexp = TRIGGERS,
					message = TRIGGER_NAMES)
			String trigger,
			@Schema(allowableValues = { "exact", "contains", "regex", "any" })
			@jakarta.validation.constraints.Pattern(regexp = MATCH_TYPES,
					message = RuleFields.MATCH_TYPE_MESSAGE) String matchType,
			@Size(max = 500, message = "must be at most 500 characters") String pattern,
			@Size(min = 1, message = "must not be empty") @MaxUtf8Bytes(1000) String replyText,
			@Size(max = 100, message = "must be at most 100 characters") String fallbackName,
			@Min(value = 1, message = "must be 1 or more")
			@Max(value = 1_000_000, message = "must be at most 1000000") Integer priority,
			Boolean enabled,
			@Min(value = 0, message = "must be 0 or more")
			@Max(value = 525_600, message = "must be at most 525600 (a year)") Integer cooldownMinutes,
			@Size(max = 50, message = "must be at most 50") List<@jakarta.validation.constraints.Pattern(
					regexp = "\\d{1,32}", message = "must be digits only") String> mediaIds,
			@jakarta.validation.constraints.Pattern(regexp = RuleFields.ACTIONS, message = RuleFields.ACTION_MESSAGE) String action,
			@Size(max = 4000, message = "must be at most 4000 characters") String aiInstructions,
			@Schema(description = "1 to 3 buttons under the reply text (Meta's button template)")
			@Size(max = RichContent.MAX_BUTTONS, message = "must be at most 3 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Button> buttons,
			@Schema(description = "1 to 10 cards, shown as a carousel (Meta's generic template), instead of a text")
			@Size(max = RichContent.MAX_CARDS, message = "must be at most 10 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Card> cards,
			@Schema(description = "Seconds a typing indicator shows before the reply, 1 to 5; 0 or left out for none",
					example = "2")
			@Min(value = 0, message = "must be 0 to 5") @Max(value = 5, message = "must be 0 to 5") Integer typingSeconds,
			@Schema(description = "With trigger comment: texts it also answers with publicly under the comment, one "
					+ "at random (never the one it used last), so Meta does not see the same text over and over")
			@Size(max = 20, message = "must be at most 20") List<@NotBlank(message = "must not be blank")
			@Size(max = 2200, message = "must be at most 2200 characters (Instagram's limit for a comment)")
			String> publicReplies,
			@Schema(description = "Messages or comments containing one of these words (case ignored) are not "
					+ "answered by this rule", example = "[\"giveaway\"]")
			@Size(max = 50, message = "must be at most 50") List<@NotBlank(message = "must not be blank")
			@Size(max = 100, message = "must be at most 100 characters") String> excludedWords) {
	}

	record RuleResponse(@Schema(example = "rule_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId, String name,
			@Schema(example = "direct_message") String trigger, @Schema(example = "contains") String matchType,
			@Schema(example = "price") @Nullable String pattern,
			@Schema(example = "Hi {username}! Our prices are on https://acme.example/prices") @Nullable String replyText,
			@Nullable String fallbackName, int priority, boolean enabled, @Nullable Integer cooldownMinutes,
			@Schema(description = "With trigger comment: the posts it answers; empty for all") List<String> mediaIds,
			@Schema(allowableValues = { "text", "ai" }) String action, @Nullable String aiInstructions,
			@Schema(description = "Buttons under the reply text; empty for none") List<RichContent.Button> buttons,
			@Schema(description = "Cards sent instead of a text; empty for none") List<RichContent.Card> cards,
			@Schema(description = "Seconds of typing indicator before the reply") @Nullable Integer typingSeconds,
			@Schema(description = "Texts it also answers comments with publicly; empty for none") List<String> publicReplies,
			@Schema(description = "Words that keep the rule from answering") List<String> excludedWords,
			Instant createdAt, Instant updatedAt) {

		static RuleResponse of(RuleDetails rule) {
			return new RuleResponse(rule.id(), rule.accountId(), rule.name(), rule.trigger().value(),
					rule.matchType().value(), rule.pattern(), rule.replyText(), rule.fallbackName(), rule.priority(),
					rule.enabled(), rule.cooldown() == null ? null : (int) rule.cooldown().toMinutes(), rule.mediaIds(),
					rule.action().value(), rule.aiInstructions(), orEmpty(rule.reply().buttons()),
					orEmpty(rule.reply().cards()), rule.typingSeconds(), rule.publicReplies(), rule.excludedWords(),
					rule.createdAt(), rule.updatedAt());
		}

		private static <T> List<T> orEmpty(List<T> list) {
			return list == null ? List.of() : list;
		}

	}

}
