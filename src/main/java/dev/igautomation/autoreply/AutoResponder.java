package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.igautomation.inbound.Conversations;
import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SendCommand;
import org.springframework.stereotype.Component;

/**
 * Answers users' messages by the account's rules. Only a user's own message can trigger a rule — never an echo (so
 * never the service's own replies), an unsend, a reaction, a read receipt, or an event delivered in standby while
 * another app has the conversation. The reply is queued with an idempotency key made from the event's id, so a
 * redelivered webhook or a job run again after a crash never answers twice.
 */
@Component
class AutoResponder {

	private static final Logger log = LoggerFactory.getLogger(AutoResponder.class);

	private final Rules rules;

	private final Pauses pauses;

	private final Profiles profiles;

	private final AiReplies ai;

	private final Outbound outbound;

	private final JsonMapper json;

	private final Duration regexTimeout;

	private final int privateRepliesPerHour;

	private final Duration recoveredWithin;

	private final Conversations conversations;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Cache<String, java.util.regex.Pattern> patterns = Caffeine.newBuilder().maximumSize(10_000).build();

	AutoResponder(Rules rules, Pauses pauses, Profiles profiles, AiReplies ai, Outbound outbound,
			Conversations conversations, JsonMapper json, AutoReplyProperties properties, MeterRegistry meters,
			Clock clock) {
		this.conversations = conversations;
		this.recoveredWithin = properties.recoveredWithin();
		this.meters = meters;
		this.ai = ai;
		this.rules = rules;
		this.pauses = pauses;
		this.profiles = profiles;
		this.outbound = outbound;
		this.json = json;
		this.regexTimeout = properties.regexTimeout();
		this.privateRepliesPerHour = properties.privateRepliesPerHour();
		this.clock = clock;
	}

	/** Meta lets a business answer a comment privately within 7 days of it. */
	static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);

	/**
	 * What a user's message is to the rules: the trigger, and the text (or payload) rules match; for a comment, its
	 * id, its post's media id and its author's username.
	 */
	record Triggered(RuleTrigger trigger, String subject, String commentId, String mediaId, String username) {

		Triggered(RuleTrigger trigger, String subject) {
			this(trigger, subject, null, null, null);
		}

	}

	void answer(InstagramEventReceived received) {
		StoredEvent event = received.event();
		Optional<Triggered> triggered = triggered(event);
		if (triggered.isEmpty() || !answerable(received)) {
			return;
		}
		String accountId = received.account().id();
		String userId = event.senderId();
		List<Rule> candidates = rules.enabled(accountId, triggered.get().trigger())
			.stream()
			.filter(rule -> rule.mediaIds().isEmpty() || rule.mediaIds().contains(triggered.get().mediaId()))
			.toList();
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
		String text = rule.get().action() == RuleAction.AI
				? ai.reply(received.account().instagramAccountId(), received.account().username(), userId,
						rule.get().aiInstructions())
					.map(ReplyTemplate::fitting)
					.orElseGet(() -> fixedReply(rule.get(), accountId, userId, triggered.get()))
				: fixedReply(rule.get(), accountId, userId, triggered.get());
		Outbound.Queued queued;
		if (triggered.get().trigger() == RuleTrigger.COMMENT) {
			SendCommand reply = SendCommand.privateReply(accountId, userId, triggered.get().commentId(), text,
					"private-reply:" + triggered.get().commentId(), rule.get().id());
			Optional<String> refusal = privateReplyRefusal(accountId, event);
			if (refusal.isPresent()) {
				log.warn("Rule {} matched comment {} of account {}, but no private reply is sent: {}", rule.get().id(),
						triggered.get().commentId(), accountId, refusal.get());
				outbound.refuse(reply, refusal.get());
				return;
			}
			queued = outbound.queue(reply);
		}
		else {
			queued = outbound.queue(SendCommand.autoReply(accountId, userId, text, null, "auto-reply:" + event.id(),
					rule.get().id()));
		}
		if (queued instanceof Outbound.Queued.Stored stored) {
			meters.counter("igautomation.autoreply.replies", "trigger", triggered.get().trigger().value(), "action",
					rule.get().action().value()).increment();
			Timer.builder("igautomation.autoreply.latency")
				.description("From a user's message reaching the service to its auto-reply being queued")
				.publishPercentileHistogram()
				.register(meters)
				.record(Duration.between(event.receivedAt(), clock.instant()));
			outbound.attempt(stored.messageId());
		}
		if (queued instanceof Outbound.Queued.Refused refused) {
			log.info("Rule {} matched message {} but its reply was not sent: {}", rule.get().id(), event.id(),
					refused.reason());
		}
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

	/**
	 * Meta allows one private reply per comment (the idempotency key sees to that), within 7 days, and about 750 an
	 * hour per account.
	 */
	private Optional<String> privateReplyRefusal(String accountId, StoredEvent comment) {
		Instant now = clock.instant();
		if (comment.timestamp().plus(PRIVATE_REPLY_WINDOW).isBefore(now)) {
			return Optional.of("The comment is over 7 days old: Meta allows private replies within 7 days.");
		}
		if (outbound.privateRepliesSince(accountId, now.minus(Duration.ofHours(1))) >= privateRepliesPerHour) {
			return Optional.of("The account sent " + privateRepliesPerHour + " private replies in the last hour, "
					+ "Meta's limit (app.autoreply.private-replies-per-hour).");
		}
		return Optional.empty();
	}

	private String fixedReply(Rule rule, String accountId, String userId, Triggered triggered) {
		return ReplyTemplate.needsProfile(rule.replyText())
				? ReplyTemplate.render(rule.replyText(), profile(accountId, userId, triggered), rule.fallbackName())
				: rule.replyText();
	}

	/** A comment names its author's username: no profile call is needed for {username}, only for {name}. */
	private Profiles.Profile profile(String accountId, String userId, Triggered triggered) {
		if (triggered.username() != null) {
			return new Profiles.Profile(triggered.username(), null);
		}
		return profiles.of(accountId, userId);
	}

	/** Which trigger a stored event is, if it is a user's message at all. */
	Optional<Triggered> triggered(StoredEvent event) {
		if (event.standby() || event.direction() != Direction.INBOUND || event.senderId() == null) {
			return Optional.empty();
		}
		JsonNode details = event.details() == null ? json.nullNode() : json.readTree(event.details());
		if (event.kind() == EventKind.COMMENT) {
			String commentId = details.path("comment_id").asString(null);
			return commentId == null ? Optional.empty()
					: Optional.of(new Triggered(RuleTrigger.COMMENT, event.text() == null ? "" : event.text(), commentId,
							details.path("media").path("id").asString(null),
							details.path("from").path("username").asString(null)));
		}
		if (event.kind() == EventKind.POSTBACK) {
			return Optional.of(new Triggered(RuleTrigger.POSTBACK, details.path("payload").asString("")));
		}
		if (event.kind() != EventKind.MESSAGE) {
			return Optional.empty();
		}
		String text = event.text() == null ? "" : event.text();
		String quickReply = details.path("quick_reply").path("payload").asString(null);
		if (quickReply != null) {
			return Optional.of(new Triggered(RuleTrigger.QUICK_REPLY, quickReply));
		}
		if (mentionsInStory(event)) {
			return Optional.of(new Triggered(RuleTrigger.STORY_MENTION, text));
		}
		if (details.path("reply_to").path("story").isObject()) {
			return Optional.of(new Triggered(RuleTrigger.STORY_REPLY, text));
		}
		return Optional.of(new Triggered(RuleTrigger.DIRECT_MESSAGE, text));
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
