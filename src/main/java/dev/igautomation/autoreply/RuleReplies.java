package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.inbound.InstagramEventReceived;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.RichContent;
import dev.igautomation.outbound.SendCommand;
import dev.igautomation.outbound.SenderActions;
import org.springframework.stereotype.Component;

/**
 * Sends the reply of the rule that answers an event: its text (or the AI model's) with the user's placeholders
 * filled, its buttons or cards, after its typing indicator; or, for a comment, a private reply within Meta's limits
 * and a public one under the comment ({@link CommentReplies}).
 * The reply is queued under a key made from the event, so it is never sent twice; one shown after a typing indicator
 * is queued due when the indicator ends and sent by the outbound sweep, so no thread waits for it.
 */
@Component
class RuleReplies {

	private static final Logger log = LoggerFactory.getLogger(RuleReplies.class);

	/** Meta lets a business answer a comment privately within 7 days of it. */
	static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);

	private final Profiles profiles;

	private final AiReplies ai;

	private final Outbound outbound;

	private final SenderActions senderActions;

	private final CommentReplies commentReplies;

	private final MeterRegistry meters;

	private final int privateRepliesPerHour;

	private final Clock clock;

	RuleReplies(Profiles profiles, AiReplies ai, Outbound outbound, SenderActions senderActions,
			CommentReplies commentReplies, MeterRegistry meters, AutoReplyProperties properties, Clock clock) {
		this.commentReplies = commentReplies;
		this.profiles = profiles;
		this.ai = ai;
		this.outbound = outbound;
		this.senderActions = senderActions;
		this.meters = meters;
		this.privateRepliesPerHour = properties.privateRepliesPerHour();
		this.clock = clock;
	}

	void send(Rule rule, Triggers.Triggered triggered, InstagramEventReceived received) {
		StoredEvent event = received.event();
		String accountId = received.account().id();
		String userId = event.senderId();
		String text = rule.action() == RuleAction.AI
				? ai.reply(received.account().instagramAccountId(), received.account().username(), userId,
						rule.aiInstructions())
					.map(ReplyTemplate::fitting)
					.orElseGet(() -> fixedReply(rule, accountId, userId, triggered))
				: fixedReply(rule, accountId, userId, triggered);
		Outbound.Queued queued;
		Instant due = null;
		if (triggered.trigger() == RuleTrigger.COMMENT) {
			commentReplies.reply(accountId, rule, triggered.commentId());
			SendCommand reply = SendCommand.privateReply(accountId, userId, triggered.commentId(), text,
					"private-reply:" + triggered.commentId(), rule.id());
			Optional<String> refusal = privateReplyRefusal(accountId, event);
			if (refusal.isPresent()) {
				log.warn("Rule {} matched comment {} of account {}, but no private reply is sent: {}", rule.id(),
						triggered.commentId(), accountId, refusal.get());
				outbound.refuse(reply, refusal.get());
				return;
			}
			queued = outbound.queue(reply);
		}
		else {
			RichContent rich = rule.reply().content(text == null ? null : fittingButtons(text));
			if (rule.typingSeconds() != null && typing(accountId, userId)) {
				due = clock.instant().plusSeconds(rule.typingSeconds());
			}
			queued = outbound.queue(SendCommand.autoReplyWith(accountId, userId, text, rich, "auto-reply:" + event.id(),
					rule.id()), due);
		}
		if (queued instanceof Outbound.Queued.Stored stored) {
			meters.counter("igautomation.autoreply.replies", "trigger", triggered.trigger().value(), "action",
					rule.action().value()).increment();
			Timer.builder("igautomation.autoreply.latency")
				.description("From a user's message reaching the service to its auto-reply being queued")
				.publishPercentileHistogram()
				.register(meters)
				.record(Duration.between(event.receivedAt(), clock.instant()));
			if (due == null) {
				outbound.attempt(stored.messageId());
			}
		}
		if (queued instanceof Outbound.Queued.Refused refused) {
			log.info("Rule {} matched message {} but its reply was not sent: {}", rule.id(), event.id(),
					refused.reason());
		}
	}

	/** Shows the typing indicator; false when it could not be shown (the reply then goes at once). */
	private boolean typing(String accountId, String userId) {
		try {
			senderActions.show(accountId, userId, SenderActions.Action.TYPING_ON);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("No typing indicator for user {} of account {}: {}", userId, accountId, ex.getMessage());
			return false;
		}
	}

	/** A text above buttons is at most 640 characters (Meta's button template); an AI's answer may be longer. */
	private static String fittingButtons(String text) {
		return text.length() <= RichContent.MAX_TEXT ? text : text.substring(0, RichContent.MAX_TEXT - 1) + "…";
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

	private String fixedReply(Rule rule, String accountId, String userId, Triggers.Triggered triggered) {
		if (rule.replyText() == null) {
			return null;
		}
		return ReplyTemplate.needsProfile(rule.replyText())
				? ReplyTemplate.render(rule.replyText(), profile(accountId, userId, triggered), rule.fallbackName())
				: rule.replyText();
	}

	/** A comment names its author's username: no profile call is needed for {username}, only for {name}. */
	private Profiles.Profile profile(String accountId, String userId, Triggers.Triggered triggered) {
		if (triggered.username() != null) {
			return new Profiles.Profile(triggered.username(), null);
		}
		return profiles.of(accountId, userId);
	}

}
