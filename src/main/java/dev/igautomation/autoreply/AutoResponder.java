package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.igautomation.inbound.Conversations;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.Outbound;
import org.springframework.stereotype.Component;

/**
 * Answers users' messages by the account's rules. Only a user's own doing can trigger a rule ({@link Triggers}) —
 * never an echo (so never the service's own replies), an unsend, a reaction, a read receipt, or an event delivered
 * in standby while another app has the conversation. Nothing automated reaches a user who opted out, and their stop
 * and start words are answered by {@link OptOutReplies} alone. The reply ({@link RuleReplies}) is queued with an
 * idempotency key made from the event's id, so a redelivered webhook or a job run again after a crash never answers
 * twice.
 */
@Component
class AutoResponder {

	private static final Logger log = LoggerFactory.getLogger(AutoResponder.class);

	private final Rules rules;

	private final Pauses pauses;

	private final Triggers triggers;

	private final RuleReplies replies;

	private final OptOutReplies optOutReplies;

	private final Outbound outbound;

	private final Conversations conversations;

	private final Duration regexTimeout;

	private final Duration recoveredWithin;

	private final Clock clock;

	private final Cache<String, java.util.regex.Pattern> patterns = Caffeine.newBuilder().maximumSize(10_000).build();

	AutoResponder(Rules rules, Pauses pauses, Triggers triggers, RuleReplies replies, OptOutReplies optOutReplies,
			Outbound outbound, Conversations conversations, AutoReplyProperties properties, Clock clock) {
		this.rules = rules;
		this.pauses = pauses;
		this.triggers = triggers;
		this.replies = replies;
		this.optOutReplies = optOutReplies;
		this.outbound = outbound;
		this.conversations = conversations;
		this.regexTimeout = properties.regexTimeout();
		this.recoveredWithin = properties.recoveredWithin();
		this.clock = clock;
	}

	void answer(InstagramEventReceived received) {
		StoredEvent event = received.event();
		List<Triggers.Triggered> triggered = triggers.of(event);
		if (triggered.isEmpty() || !answerable(received)) {
			return;
		}
		String accountId = received.account().id();
		String userId = event.senderId();
		boolean directMessage = triggered.stream().anyMatch(each -> each.trigger() == RuleTrigger.DIRECT_MESSAGE);
		if (directMessage && optOutReplies.handled(accountId, event)) {
			return;
		}
		boolean mayAnswer = false;
		for (Triggers.Triggered each : triggered) {
			List<Rule> candidates = rules.enabled(accountId, each.trigger())
				.stream()
				.filter(rule -> rule.mediaIds().isEmpty() || rule.mediaIds().contains(each.mediaId()))
				.toList();
			if (candidates.isEmpty()) {
				continue;
			}
			if (!mayAnswer && !mayAnswer(accountId, userId, event)) {
				return;
			}
			mayAnswer = true;
			Optional<Rule> rule = firstMatch(candidates, each.subject());
			if (rule.isPresent()) {
				if (!coolingDown(rule.get(), userId)) {
					replies.send(rule.get(), each, received);
				}
				return;
			}
		}
	}

	/** Whether automations may answer the user now: not opted out, not paused. */
	private boolean mayAnswer(String accountId, String userId, StoredEvent event) {
		if (optOutReplies.silenced(accountId, userId)) {
			log.debug("Not answering {}: user {} opted out of automated messages", event.id(), userId);
			return false;
		}
		Optional<Pause> pause = pauses.active(accountId, userId);
		if (pause.isPresent()) {
			log.debug("Not answering {}: auto-replies to user {} are paused ({})", event.id(), userId,
					pause.get().reason());
			return false;
		}
		return true;
	}

	/**
	 * Whether a message is one to answer at all: never history imported when the account was connected; a message
	 * recovered because no webhook delivered it only while it is young and no one has answered it since.
	 */
	private boolean answerable(InstagramEventReceived received) {
		StoredEvent event = received.event();
		return switch (event.source()) {
			case WEBHOOK -> true;
			case IMPORT -> false;
			case RECOVERED -> event.timestamp().plus(recoveredWithin).isAfter(clock.instant())
					&& !conversations.accountWroteSince(received.account().instagramAccountId(), event.senderId(),
							event.timestamp())
					&& !outbound.sentToSince(received.account().id(), event.senderId(), event.timestamp());
		};
	}

	Optional<Rule> firstMatch(List<Rule> candidates, String subject) {
		String normalized = subject.strip();
		for (Rule rule : candidates) {
			if (matches(rule, normalized)) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

	private boolean matches(Rule rule, String text) {
		if (!rule.excludedWords().isEmpty()) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (rule.excludedWords().stream().anyMatch(word -> lower.contains(word.strip().toLowerCase(Locale.ROOT)))) {
				return false;
			}
		}
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

	boolean coolingDown(Rule rule, String userId) {
		if (rule.cooldown() == null) {
			return false;
		}
		Optional<Instant> last = outbound.lastSentByRule(rule.id(), userId);
		return last.isPresent() && last.get().plus(rule.cooldown()).isAfter(clock.instant());
	}

}
