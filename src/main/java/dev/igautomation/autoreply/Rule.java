package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An auto-reply rule of an account, as people write it. Read with record-like accessors; changed only through
 * {@link Rules}, which checks a rule before it is stored.
 */
@Entity
@Table(name = "auto_reply_rule")
class Rule {

	@Id
	private String id;

	private String accountId;

	private String name;

	@Column(name = "trigger_type")
	@Convert(converter = RuleColumns.TriggerColumn.class)
	private RuleTrigger trigger;

	@Convert(converter = RuleColumns.MatchTypeColumn.class)
	private MatchType matchType;

	/** What the message must be, contain or match; null for {@link MatchType#ANY}. */
	private String pattern;

	private String replyText;

	/** What {@code {username}} and {@code {name}} become when the user's profile is unknown; null for "there". */
	private String fallbackName;

	private int priority;

	private boolean enabled;

	/** How long the rule stays quiet for a user it answered; null for no cooldown. */
	@Column(name = "cooldown_seconds")
	@Convert(converter = RuleColumns.SecondsColumn.class)
	private Duration cooldown;

	/** For {@link RuleTrigger#COMMENT}: the posts whose comments it answers; empty for every post. */
	@Convert(converter = RuleColumns.CommaSeparated.class)
	private List<String> mediaIds;

	/** Whether it answers with its reply text or with a reply an AI model writes. */
	@Convert(converter = RuleColumns.ActionColumn.class)
	private RuleAction action;

	/** For {@link RuleAction#AI}: what the model is told to do. */
	private String aiInstructions;

	/** Buttons under the reply text, or cards; {@link RuleReply#TEXT} for a text reply. */
	@Column(name = "reply_content")
	@Convert(converter = RuleColumns.ReplyColumn.class)
	private RuleReply reply;

	/** How long a typing indicator shows before the reply (at most 5 seconds); null for none. */
	private Integer typingSeconds;

	/** For {@link RuleTrigger#COMMENT}: texts it also answers with publicly, one at random; empty for none. */
	@Convert(converter = RuleColumns.JsonList.class)
	private List<String> publicReplies;

	/** Messages (or comments) containing one of these words are not answered by the rule. */
	@Convert(converter = RuleColumns.JsonList.class)
	private List<String> excludedWords;

	private Instant createdAt;

	private Instant updatedAt;

	protected Rule() {
	}

	Rule(String id, String accountId, Instant createdAt) {
		this.id = id;
		this.accountId = accountId;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
		this.trigger = RuleTrigger.DIRECT_MESSAGE;
		this.action = RuleAction.TEXT;
		this.mediaIds = List.of();
		this.reply = RuleReply.TEXT;
		this.publicReplies = List.of();
		this.excludedWords = List.of();
	}

	/** Sets every field people write; {@link Rules} checks the result. */
	void write(String name, RuleTrigger trigger, MatchType matchType, String pattern, String replyText,
			String fallbackName, int priority, boolean enabled, Duration cooldown, List<String> mediaIds, RuleAction action,
			String aiInstructions, RuleReply reply, Integer typingSeconds, List<String> publicReplies,
			List<String> excludedWords, Instant at) {
		this.name = name;
		this.trigger = trigger;
		this.matchType = matchType;
		this.pattern = pattern;
		this.replyText = replyText;
		this.fallbackName = fallbackName;
		this.priority = priority;
		this.enabled = enabled;
		this.cooldown = cooldown;
		this.mediaIds = List.copyOf(mediaIds);
		this.action = action;
		this.aiInstructions = aiInstructions;
		this.reply = reply == null ? RuleReply.TEXT : reply;
		this.typingSeconds = typingSeconds;
		this.publicReplies = List.copyOf(publicReplies);
		this.excludedWords = List.copyOf(excludedWords);
		this.updatedAt = at;
	}

	String id() {
		return id;
	}

	String accountId() {
		return accountId;
	}

	String name() {
		return name;
	}

	RuleTrigger trigger() {
		return trigger;
	}

	MatchType matchType() {
		return matchType;
	}

	String pattern() {
		return pattern;
	}

	String replyText() {
		return replyText;
	}

	String fallbackName() {
		return fallbackName;
	}

	int priority() {
		return priority;
	}

	boolean enabled() {
		return enabled;
	}

	Duration cooldown() {
		return cooldown;
	}

	List<String> mediaIds() {
		return mediaIds;
	}

	RuleAction action() {
		return action;
	}

	String aiInstructions() {
		return aiInstructions;
	}

	RuleReply reply() {
		return reply == null ? RuleReply.TEXT : reply;
	}

	Integer typingSeconds() {
		return typingSeconds;
	}

	List<String> publicReplies() {
		return publicReplies == null ? List.of() : publicReplies;
	}

	List<String> excludedWords() {
		return excludedWords == null ? List.of() : excludedWords;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

}
