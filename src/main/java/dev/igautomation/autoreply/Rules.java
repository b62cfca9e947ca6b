package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.igautomation.outbound.RichContent;
import dev.igautomation.system.Ids;
import dev.igautomation.system.InvalidRequest;
import org.springframework.data.domain.Limit;
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

	/** A rule's fields as sent; null for those left out (an empty list of buttons or cards removes them). */
	public record Fields(String name, String trigger, String matchType, String pattern, String replyText, String fallbackName,
			Integer priority, Boolean enabled, Integer cooldownMinutes, List<String> mediaIds, String action,
			String aiInstructions, List<RichContent.Button> buttons, List<RichContent.Card> cards,
			Integer typingSeconds, List<String> publicReplies, List<String> excludedWords) {

		/** The fields of a text or AI rule. */
		public Fields(String name, String trigger, String matchType, String pattern, String replyText,
				String fallbackName, Integer priority, Boolean enabled, Integer cooldownMinutes, List<String> mediaIds,
				String action, String aiInstructions) {
			this(name, trigger, matchType, pattern, replyText, fallbackName, priority, enabled, cooldownMinutes,
					mediaIds, action, aiInstructions, null, null, null, null, null);
		}

	}

	@Transactional
	public RuleDetails create(String accountId, Fields fields) {
		Instant now = clock.instant();
		Rule rule = new Rule(Ids.next("rule"), accountId, now);
		rule.write(fields.name(),
				fields.trigger() == null ? RuleTrigger.DIRECT_MESSAGE : RuleTrigger.of(fields.trigger()),
				MatchType.of(fields.matchType()), fields.pattern(), fields.replyText(),
				emptyToNull(fields.fallbackName()), fields.priority() == null ? DEFAULT_PRIORITY : fields.priority(),
				fields.enabled() == null || fields.enabled(), cooldown(fields.cooldownMinutes()),
				fields.mediaIds() == null ? List.of() : fields.mediaIds(),
				fields.action() == null ? RuleAction.TEXT : RuleAction.of(fields.action()),
				emptyToNull(fields.aiInstructions()), new RuleReply(fields.buttons(), fields.cards()),
				zeroToNull(fields.typingSeconds()), orEmpty(fields.publicReplies()), orEmpty(fields.excludedWords()), now);
		check(rule);
		return RuleDetails.of(repository.save(rule));
	}

	@Transactional
	public RuleDetails update(String accountId, String ruleId, Fields changes) {
		Rule rule = find(accountId, ruleId);
		MatchType matchType = changes.matchType() == null ? rule.matchType()
				: MatchType.of(changes.matchType());
		String pattern = changes.pattern() != null ? changes.pattern()
				: matchType == MatchType.ANY ? null : rule.pattern();
		rule.write(or(changes.name(), rule.name()),
				changes.trigger() == null ? rule.trigger() : RuleTrigger.of(changes.trigger()), matchType, pattern,
				or(changes.replyText(), rule.replyText()),
				changes.fallbackName() == null ? rule.fallbackName() : emptyToNull(changes.fallbackName()),
				or(changes.priority(), rule.priority()), or(changes.enabled(), rule.enabled()),
				changes.cooldownMinutes() == null ? rule.cooldown() : cooldown(changes.cooldownMinutes()),
				changes.mediaIds() == null ? rule.mediaIds() : changes.mediaIds(),
				changes.action() == null ? rule.action() : RuleAction.of(changes.action()),
				changes.aiInstructions() == null ? rule.aiInstructions() : emptyToNull(changes.aiInstructions()),
				new RuleReply(changes.buttons() == null ? rule.reply().buttons() : changes.buttons(),
						changes.cards() == null ? rule.reply().cards() : changes.cards()),
				changes.typingSeconds() == null ? rule.typingSeconds() : zeroToNull(changes.typingSeconds()),
				or(changes.publicReplies(), rule.publicReplies()), or(changes.excludedWords(), rule.excludedWords()),
				clock.instant());
		check(rule);
		return RuleDetails.of(rule);
	}

	@Transactional(readOnly = true)
	public RuleDetails get(String accountId, String ruleId) {
		return RuleDetails.of(find(accountId, ruleId));
	}

	private Rule find(String accountId, String ruleId) {
		return repository.findByAccountIdAndId(accountId, ruleId).orElseThrow(() -> new UnknownRule(ruleId));
	}

	/** An account's rules in the order they are tried, after the position of the previous page. */
	@Transactional(readOnly = true)
	public List<RuleDetails> list(String accountId, Integer afterPriority, String afterId, int limit) {
		return (afterPriority == null ? repository.findByAccountIdOrderByPriorityAscIdAsc(accountId, Limit.of(limit))
				: repository.findPageAfter(accountId, afterPriority, afterId, Limit.of(limit)))
			.stream()
			.map(RuleDetails::of)
			.toList();
	}

	/** An account's enabled rules for a trigger, in the order they are tried. */
	@Transactional(readOnly = true)
	List<Rule> enabled(String accountId, RuleTrigger trigger) {
		return repository.findByAccountIdAndTriggerAndEnabledTrueOrderByPriorityAscIdAsc(accountId, trigger);
	}

	@Transactional
	public void delete(String accountId, String ruleId) {
		if (repository.deleteByAccountIdAndId(accountId, ruleId) == 0) {
			throw new UnknownRule(ruleId);
		}
	}

	private static void check(Rule rule) {
		if (rule.matchType() == MatchType.ANY) {
			if (rule.pattern() != null) {
				throw new InvalidRequest("pattern", "must be left out with match_type any, which answers every message");
			}
		}
		else if (rule.pattern() == null || rule.pattern().isBlank()) {
			throw new InvalidRequest("pattern", "is required with match_type " + rule.matchType().value());
		}
		if (rule.trigger() == RuleTrigger.STORY_MENTION && rule.matchType() != MatchType.ANY) {
			throw new InvalidRequest("match_type", "must be any with trigger story_mention: a mention carries no text");
		}
		if (rule.action() == RuleAction.AI && rule.aiInstructions() == null) {
			throw new InvalidRequest("ai_instructions", "are required with action ai: say what the model should do");
		}
		if (!rule.mediaIds().isEmpty() && rule.trigger() != RuleTrigger.COMMENT) {
			throw new InvalidRequest("media_ids", "only apply with trigger comment: leave them out, or send []");
		}
		if (rule.matchType() == MatchType.REGEX) {
			try {
				BoundedRegex.compile(rule.pattern());
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidRequest("pattern", "is not a valid regular expression: " + ex.getDescription()
						+ (ex.getIndex() >= 0 ? " at index " + ex.getIndex() : ""));
			}
		}
		RuleChecks.reply(rule);
		if (rule.replyText() == null) {
			return;
		}
		Matcher placeholder = PLACEHOLDER.matcher(rule.replyText());
		while (placeholder.find()) {
			if (!PLACEHOLDERS.contains(placeholder.group(1))) {
				throw new InvalidRequest("reply_text",
						"has the unknown placeholder " + placeholder.group() + ": use {username} or {name}");
			}
		}
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return values == null ? List.of() : values;
	}

	private static Integer zeroToNull(Integer value) {
		return value == null || value == 0 ? null : value;
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
