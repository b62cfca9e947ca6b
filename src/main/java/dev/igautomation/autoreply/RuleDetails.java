package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule as its API and the console show it.
 *
 * @param pattern what the message must be, contain or match; null for {@link MatchType#ANY}
 * @param fallbackName what {@code {username}} and {@code {name}} become when the user's profile is unknown; null
 * when the placeholder is left out
 * @param cooldown how long the rule stays quiet for a user it answered; null for no cooldown
 * @param mediaIds for {@link RuleTrigger#COMMENT}: the posts whose comments it answers; empty for every post
 * @param aiInstructions for {@link RuleAction#AI}: what the model is told to do
 * @param reply buttons under the reply text, or cards; neither for a text reply
 * @param typingSeconds how long a typing indicator shows before the reply; null for none
 * @param publicReplies for {@link RuleTrigger#COMMENT}: texts it also answers with publicly, one at random
 * @param excludedWords messages containing one of these words are not answered by the rule
 */
public record RuleDetails(String id, String accountId, String name, RuleTrigger trigger, MatchType matchType,
		String pattern, String replyText, String fallbackName, int priority, boolean enabled, Duration cooldown,
		List<String> mediaIds, RuleAction action, String aiInstructions, RuleReply reply, Integer typingSeconds,
		List<String> publicReplies, List<String> excludedWords, Instant createdAt, Instant updatedAt) {

	static RuleDetails of(Rule rule) {
		return new RuleDetails(rule.id(), rule.accountId(), rule.name(), rule.trigger(), rule.matchType(),
				rule.pattern(), rule.replyText(), rule.fallbackName(), rule.priority(), rule.enabled(), rule.cooldown(),
				rule.mediaIds(), rule.action(), rule.aiInstructions(), rule.reply(), rule.typingSeconds(),
				rule.publicReplies(), rule.excludedWords(), rule.createdAt(), rule.updatedAt());
	}

}
