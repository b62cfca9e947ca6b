package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.instagram.OutgoingMessage;
import dev.igautomation.system.GroupCommit;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Component;

/**
 * One attempt to send a message through the Graph API, and what follows from Meta's answer. A message is taken
 * ({@code sending}) before the call, so no two attempts send it, and no transaction is held during the call; the
 * outcome is then recorded (with others answered at the same moment, see {@link OutcomeWrites}). Errors that may pass
 * are retried with exponential backoff and jitter, waiting at least as long as Meta asks; an answer that leaves the
 * outcome unknown is not sent again until its echo has had time to arrive.
 */
@Component
class SendAttempts {

	private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);

	private final OutboundMessageStore store;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	private final AccountPacing pacing;

	private final GroupCommit<Outcome, SendOutcome> outcomes;

	private final OutboundProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	SendAttempts(OutboundMessageStore store, AccountCredentials credentials, GraphClient graph, AccountPacing pacing,
			GroupCommit<Outcome, SendOutcome> outcomeWriter, OutboundProperties properties, JsonMapper json,
			Clock clock) {
		this.store = store;
		this.credentials = credentials;
		this.graph = graph;
		this.pacing = pacing;
		this.outcomes = outcomeWriter;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** How long the account must wait before its next send; empty when it may send now (and has taken the turn). */
	Optional<Duration> takeTurn(String accountId) {
		return pacing.tryAcquire(accountId);
	}

	/** When the outcome of an attempt starting at {@code started} stops being waited for. */
	Instant outcomeDue(Instant started) {
		return started.plus(properties.echoWait());
	}

	/** Attempts a pending message now, unless the account's pace says to wait (it is then due when it may). */
	SendOutcome attemptPending(OutboundMessage message) {
		Optional<Duration> wait = takeTurn(message.accountId());
		if (wait.isPresent()) {
			Instant at = clock.instant().plus(wait.get());
			store.postpone(message.id(), at);
			return new SendOutcome.Later(at, MessageStatus.PENDING);
		}
		Instant started = clock.instant();
		if (!store.claim(message.id(), started, outcomeDue(started))) {
			return new SendOutcome.Done(null);
		}
		return send(message, message.attempts() + 1, started);
	}

	/** Sends a message already taken for this attempt, and records the outcome. */
	SendOutcome send(OutboundMessage message, int attempt, Instant started) {
		SendingAccount account = credentials.sendingAccount(message.accountId());
		Outcome outcome;
		if (!account.tokenValid()) {
			outcome = new Outcome.Failed(message, new OutboundMessageStore.Failure(190, null,
					"The account's access token was rejected: " + account.tokenError(), null), clock.instant());
		}
		else {
			try {
				GraphClient.Sent sent = graph.send(account.accessToken(),
						json.readValue(message.body(), OutgoingMessage.class));
				outcome = new Outcome.Sent(message, sent.messageId(), clock.instant());
			}
			catch (GraphApiException ex) {
				outcome = failed(message, ex, attempt, started);
			}
		}
		try {
			return outcomes.submit(outcome);
		}
		catch (ProblemException ex) {
			log.warn("The outcome of sending message {} could not be recorded ({}); it is looked at again at {}",
					message.id(), ex.getMessage(), outcomeDue(started));
			return new SendOutcome.Later(outcomeDue(started), MessageStatus.SENDING);
		}
	}

	private Outcome failed(OutboundMessage message, GraphApiException error, int attempt, Instant started) {
		OutboundMessageStore.Failure failure = new OutboundMessageStore.Failure(error.code(), error.subcode(),
				error.getMessage(), error.fbtraceId());
		Instant now = clock.instant();
		switch (error.kind()) {
			case TOKEN_INVALID -> {
				log.warn("Meta rejected the access token of account {}: {}", message.accountId(), error.getMessage());
				credentials.markTokenInvalid(message.accountId(), error.getMessage());
				return new Outcome.Failed(message, failure, now);
			}
			case OUTCOME_UNKNOWN -> {
				log.warn("Meta could not tell whether message {} went out ({}); waiting for its echo", message.id(),
						error.getMessage());
				return new Outcome.Unconfirmed(message, failure, outcomeDue(started), now);
			}
			case TRANSIENT -> {
				if (attempt >= properties.retry().maxAttempts()) {
					return new Outcome.Failed(message, failure, now);
				}
				return new Outcome.Retry(message, failure, now.plus(backoff(attempt, error.retryAfter())), now);
			}
			default -> {
				return new Outcome.Failed(message, failure, now);
			}
		}
	}

	/** {@code initial * 2^(attempts-1)}, capped, with jitter; never shorter than what Meta asked for. */
	Duration backoff(int attempts, Duration askedFor) {
		long ceiling = Math.min(properties.retry().maxDelay().toMillis(),
				properties.retry().initialDelay().toMillis() << Math.min(attempts - 1, 30));
		Duration delay = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
		return askedFor != null && askedFor.compareTo(delay) > 0 ? askedFor : delay;
	}

}
