package dev.igautomation.console;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.igautomation.autoreply.RuleDetails;
import dev.igautomation.autoreply.RuleFields;
import dev.igautomation.autoreply.Rules;
import dev.igautomation.system.MaxUtf8Bytes;

/**
 * A rule's form: every field the API has, with its rules ({@link RuleFields}); the rules that tie fields together
 * (a pattern for all but "any", instructions for "ai"...) are the service's, shown next to the field they name.
 */
class RuleForm {

	@NotBlank(message = "is required")
	@Size(max = 100, message = "must be at most 100 characters")
	private String name;

	@Pattern(regexp = RuleFields.TRIGGERS, message = RuleFields.TRIGGER_MESSAGE)
	private String trigger = "direct_message";

	@NotBlank(message = "is required")
	@Pattern(regexp = RuleFields.MATCH_TYPES, message = RuleFields.MATCH_TYPE_MESSAGE)
	private String matchType = "contains";

	@Size(max = 500, message = "must be at most 500 characters")
	private String pattern;

	@NotBlank(message = "is required")
	@MaxUtf8Bytes(1000)
	private String replyText;

	@Size(max = 100, message = "must be at most 100 characters")
	private String fallbackName;

	@NotNull(message = "is required")
	@Min(value = 1, message = "must be 1 or more")
	@Max(value = 1_000_000, message = "must be at most 1000000")
	private Integer priority = 100;

	private boolean enabled = true;

	@Min(value = 0, message = "must be 0 or more")
	@Max(value = 525_600, message = "must be at most 525600 (a year)")
	private Integer cooldownMinutes;

	@Pattern(regexp = "[\\d,\\s]*", message = "must be media ids (digits), separated by commas")
	private String mediaIds;

	@Pattern(regexp = RuleFields.ACTIONS, message = RuleFields.ACTION_MESSAGE)
	private String action = "text";

	@Size(max = 4000, message = "must be at most 4000 characters")
	private String aiInstructions;

	static RuleForm of(RuleDetails rule) {
		RuleForm form = new RuleForm();
		form.name = rule.name();
		form.trigger = rule.trigger().value();
		form.matchType = rule.matchType().value();
		form.pattern = rule.pattern();
		form.replyText = rule.replyText();
		form.fallbackName = rule.fallbackName();
		form.priority = rule.priority();
		form.enabled = rule.enabled();
		form.cooldownMinutes = rule.cooldown() == null ? null : (int) rule.cooldown().toMinutes();
		form.mediaIds = String.join(", ", rule.mediaIds());
		form.action = rule.action().value();
		form.aiInstructions = rule.aiInstructions();
		return form;
	}

	/** The fields as the service takes them: a blank pattern is none, and clears the one stored. */
	Rules.Fields fields(boolean forUpdate) {
		String patternValue = pattern == null || pattern.isBlank() ? null : pattern;
		if (forUpdate && patternValue == null && !"any".equals(matchType)) {
			patternValue = "";
		}
		List<String> media = mediaIds == null ? List.of()
				: Arrays.stream(mediaIds.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
		return new Rules.Fields(name.strip(), trigger, matchType, patternValue, replyText,
				fallbackName == null ? "" : fallbackName.strip(), priority, enabled,
				cooldownMinutes == null ? 0 : cooldownMinutes, media, action,
				aiInstructions == null ? "" : aiInstructions.strip());
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTrigger() {
		return trigger;
	}

	public void setTrigger(String trigger) {
		this.trigger = trigger;
	}

	public String getMatchType() {
		return matchType;
	}

	public void setMatchType(String matchType) {
		this.matchType = matchType;
	}

	public String getPattern() {
		return pattern;
	}

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public String getReplyText() {
		return replyText;
	}

	public void setReplyText(String replyText) {
		this.replyText = replyText;
	}

	public String getFallbackName() {
		return fallbackName;
	}

	public void setFallbackName(String fallbackName) {
		this.fallbackName = fallbackName;
	}

	public Integer getPriority() {
		return priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Integer getCooldownMinutes() {
		return cooldownMinutes;
	}

	public void setCooldownMinutes(Integer cooldownMinutes) {
		this.cooldownMinutes = cooldownMinutes;
	}

	public String getMediaIds() {
		return mediaIds;
	}

	public void setMediaIds(String mediaIds) {
		this.mediaIds = mediaIds;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getAiInstructions() {
		return aiInstructions;
	}

	public void setAiInstructions(String aiInstructions) {
		this.aiInstructions = aiInstructions;
	}

}
