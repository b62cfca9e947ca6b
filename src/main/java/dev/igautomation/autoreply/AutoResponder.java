package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SendCommand;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers users' messages by the account's rules. Only a user's own message can trigger a rule — never an echo (so
 * never the service's own replies), an unsend, a reaction, a read receipt, or an event delivered in standby while
 * another app has the conversation. The reply is queued in the transaction that processes the event, with an
 * idempotency key made from the event's id, so a redelivered webhook or a retried job never answers twice.
 */
@Component
class AutoResponder {

	private static final Logger log = LoggerFactory.getLogger(AutoResponder.class);

	private final RuleRepository rules;

	private final Pauses pauses;

	private final Profiles profiles;

	private final Outbound outbound;

	private final JsonMapper json;

	private final Duration regexTimeout;

	private final Clock clock;

	private final Cache<String, java.util.regex.Pattern> patterns = Caffeine.newBuilder().maximumSize(10_000).build();

	AutoResponder(RuleRepository rules, Pauses pauses, Profiles profiles, Outbound outbound, JsonMapper json,
			AutoReplyProperties properties, Clock clock) {
		this.rules = rules;
		this.pauses = pauses;
		this.profiles = profiles;
		this.outbound = outbound;
		this.json = json;
		this.regexTimeout = properties.regexTimeout();
		this.clock = clock;
	}

	/** What a user's message is to the rules: the trigger, and the text (or payload) rules match. */
	record Triggered(Rule.Trigger trigger, String subject) {
	}

	@EventListener
	void answer(InstagramEventReceived received) {
		StoredEvent event = received.event();
		Optional<Triggered> triggered = triggered(event);
		if (triggered.isEmpty()) {
			return;
		}
		String accountId = received.account().id();
		String userId = event.senderId();
		List<Rule> candidates = rules.enabled(accountId, triggered.get().trigger());
		if (candidates.isEmpty()) {
			return;
		}
		Optional<Pause> pause = pauses.active(accountId, userId);
		if (pause.isPresent()) {
			log.debug("Not answering {}: auto-replies to user {} are paused ({})", event.id(), userId,
					pause.get().reason());
			return;
		}
		Optional<Rule> rule = firstMatch(candidates, triggered.get().subject());
		if (rule.isEmpty() || coolingDown(rule.get(), userId)) {
			return;
		}
		String text = ReplyTemplate.needsProfile(rule.get().replyText())
				? ReplyTemplate.render(rule.get().replyText(), profiles.of(accountId, userId), rule.get().fallbackName())
				: rule.get().replyText();
		Outbound.Queued queued = outbound.queue(SendCommand.autoReply(accountId, userId, text, null,
				"auto-reply:" + event.id(), rule.get().id()));
		if (queued instanceof Outbound.Queued.Refused refused) {
			log.info("Rule {} matched message {} but its reply was not sent: {}", rule.get().id(), event.id(),
					refused.reason());
		}
	}

	/** Which trigger a stored event is, if it is a user's message at all. */
	Optional<Triggered> triggered(StoredEvent event) {
		if (event.standby() || event.direction() != Direction.INBOUND || event.senderId() == null) {
			return Optional.empty();
		}
		JsonNode details = event.details() == null ? json.nullNode() : json.readTree(event.details());
		if (event.kind() == EventKind.POSTBACK) {
			return Optional.of(new Triggered(Rule.Trigger.POSTBACK, details.path("payload").asString("")));
		}
		if (event.kind() != EventKind.MESSAGE) {
			return Optional.empty();
		}
		String text = event.text() == null ? "" : event.text();
		String quickReply = details.path("quick_reply").path("payload").asString(null);
		if (quickReply != null) {
			return Optional.of(new Triggered(Rule.Trigger.QUICK_REPLY, quickReply));
		}
		if (mentionsInStory(event)) {
			return Optional.of(new Triggered(Rule.Trigger.STORY_MENTION, text));
		}
		if (details.path("reply_to").path("story").isObject()) {
			return Optional.of(new Triggered(Rule.Trigger.STORY_REPLY, text));
		}
		return Optional.of(new Triggered(Rule.Trigger.DIRECT_MESSAGE, text));
	}

	private boolean mentionsInStory(StoredEvent event) {
		if (event.attachments() == null) {
			return false;
		}
		for (JsonNode attachment : json.readTree(event.attachments())) {
			if ("story_mention".equals(attachment.path("type").asString(null))) {
				return true;
			}
		}
		return false;
	}

	private Optional<Rule> firstMatch(List<Rule> candidates, String subject) {
		String normalized = subject.strip();
		for (Rule rule : candidates) {
			if (matches(rule, normalized)) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

	private boolean matches(Rule rule, String text) {
		return switch (rule.matchType()) {
			case ANY -> true;
			case EXACT -> text.equalsIgnoreCase(rule.pattern().strip());
			case CONTAINS -> text.toLowerCase(Locale.ROOT).contains(rule.pattern().strip().toLowerCase(Locale.ROOT));
			case REGEX -> matchesRegex(rule, text);
		};
	}

	private boolean matchesRegex(Rule rule, String text) {
		try {
			return BoundedRegex.find(patterns.get(rule.pattern(), BoundedRegex::compile), text, regexTimeout);
		}
		catch (BoundedRegex.TimedOut ex) {
			log.warn("Rule {} of account {}: its regular expression ran over {} on a message and was stopped; it is "
					+ "taken as not matching. Simplify the pattern.", rule.id(), rule.accountId(), regexTimeout);
			return false;
		}
	}

	private boolean coolingDown(Rule rule, String userId) {
		if (rule.cooldown() == null) {
			return false;
		}
		Optional<Instant> last = outbound.lastSentByRule(rule.id(), userId);
		return last.isPresent() && last.get().plus(rule.cooldown()).isAfter(clock.instant());
	}

}
