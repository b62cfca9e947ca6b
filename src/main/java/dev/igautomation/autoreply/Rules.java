package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.igautomation.system.Ids;
import dev.igautomation.system.InvalidRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes and removes an account's rules, refusing a rule that could not work: a regular expression that does
 * not compile, a pattern missing or left over, a placeholder the templates do not know.
 */
@Service
public class Rules {

	static final int DEFAULT_PRIORITY = 100;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

	private static final Set<String> PLACEHOLDERS = Set.of("username", "name");

	private final RuleRepository repository;

	private final Clock clock;

	Rules(RuleRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** A rule's fields as sent; null for those left out. */
	public record Fields(String name, String trigger, String matchType, String pattern, String replyText, String fallbackName,
			Integer priority, Boolean enabled, Integer cooldownMinutes, List<String> mediaIds, String action,
			String aiInstructions) {
	}

	@Transactional
	public Rule create(String accountId, Fields fields) {
		Instant now = clock.instant();
		Rule.MatchType matchType = Rule.MatchType.of(fields.matchType());
		Rule rule = new Rule(Ids.next("rule"), accountId, fields.name(),
				fields.trigger() == null ? Rule.Trigger.DIRECT_MESSAGE : Rule.Trigger.of(fields.trigger()), matchType,
				fields.pattern(), fields.replyText(), emptyToNull(fields.fallbackName()),
				fields.priority() == null ? DEFAULT_PRIORITY : fields.priority(),
				fields.enabled() == null || fields.enabled(), cooldown(fields.cooldownMinutes()),
				fields.mediaIds() == null ? List.of() : List.copyOf(fields.mediaIds()),
				fields.action() == null ? Rule.Action.TEXT : Rule.Action.of(fields.action()),
				emptyToNull(fields.aiInstructions()), now, now);
		check(rule);
		repository.insert(rule);
		return rule;
	}

	@Transactional
	public Rule update(String accountId, String ruleId, Fields changes) {
		Rule rule = get(accountId, ruleId);
		Rule.MatchType matchType = changes.matchType() == null ? rule.matchType()
				: Rule.MatchType.of(changes.matchType());
		String pattern = changes.pattern() != null ? changes.pattern()
				: matchType == Rule.MatchType.ANY ? null : rule.pattern();
		Rule changed = new Rule(rule.id(), rule.accountId(), or(changes.name(), rule.name()),
				changes.trigger() == null ? rule.trigger() : Rule.Trigger.of(changes.trigger()), matchType, pattern,
				or(changes.replyText(), rule.replyText()),
				changes.fallbackName() == null ? rule.fallbackName() : emptyToNull(changes.fallbackName()),
				or(changes.priority(), rule.priority()), or(changes.enabled(), rule.enabled()),
				changes.cooldownMinutes() == null ? rule.cooldown() : cooldown(changes.cooldownMinutes()),
				changes.mediaIds() == null ? rule.mediaIds() : List.copyOf(changes.mediaIds()),
				changes.action() == null ? rule.action() : Rule.Action.of(changes.action()),
				changes.aiInstructions() == null ? rule.aiInstructions() : emptyToNull(changes.aiInstructions()),
				rule.createdAt(), clock.instant());
		check(changed);
		repository.update(changed);
		return changed;
	}

	@Transactional(readOnly = true)
	public Rule get(String accountId, String ruleId) {
		return repository.find(accountId, ruleId).orElseThrow(() -> new UnknownRule(ruleId));
	}

	@Transactional(readOnly = true)
	public List<Rule> list(String accountId, Integer afterPriority, String afterId, int limit) {
		return repository.list(accountId, afterPriority, afterId, limit);
	}

	@Transactional
	public void delete(String accountId, String ruleId) {
		if (!repository.delete(accountId, ruleId)) {
			throw new UnknownRule(ruleId);
		}
	}

	private static void check(Rule rule) {
		if (rule.matchType() == Rule.MatchType.ANY) {
			if (rule.pattern() != null) {
				throw new InvalidRequest("pattern", "must be left out with match_type any, which answers every message");
			}
		}
		else if (rule.pattern() == null || rule.pattern().isBlank()) {
			throw new InvalidRequest("pattern", "is required with match_type " + rule.matchType().value());
		}
		if (rule.trigger() == Rule.Trigger.STORY_MENTION && rule.matchType() != Rule.MatchType.ANY) {
			throw new InvalidRequest("match_type", "must be any with trigger story_mention: a mention carries no text");
		}
		if (rule.action() == Rule.Action.AI && rule.aiInstructions() == null) {
			throw new InvalidRequest("ai_instructions", "are required with action ai: say what the model should do");
		}
		if (!rule.mediaIds().isEmpty() && rule.trigger() != Rule.Trigger.COMMENT) {
			throw new InvalidRequest("media_ids", "only apply with trigger comment: leave them out, or send []");
		}
		if (rule.matchType() == Rule.MatchType.REGEX) {
			try {
				BoundedRegex.compile(rule.pattern());
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidRequest("pattern", "is not a valid regular expression: " + ex.getDescription()
						+ (ex.getIndex() >= 0 ? " at index " + ex.getIndex() : ""));
			}
		}
		Matcher placeholder = PLACEHOLDER.matcher(rule.replyText());
		while (placeholder.find()) {
			if (!PLACEHOLDERS.contains(placeholder.group(1))) {
				throw new InvalidRequest("reply_text",
						"has the unknown placeholder " + placeholder.group() + ": use {username} or {name}");
			}
		}
	}

	private static Duration cooldown(Integer minutes) {
		return minutes == null || minutes == 0 ? null : Duration.ofMinutes(minutes);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static <T> T or(T change, T current) {
		return change != null ? change : current;
	}

}
