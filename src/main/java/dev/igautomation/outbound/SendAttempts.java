package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.Accounts;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.instagram.OutgoingMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to send a message through the Graph API, and what follows from Meta's answer. The message is taken
 * ({@code pending} to {@code sending}) before the call, so no two attempts send it; no transaction is held during the
 * call. Errors that may pass are retried with exponential backoff and jitter, waiting at least as long as Meta asks;
 * an answer that leaves the outcome unknown is not sent again until its echo has had time to arrive.
 */
@Component
class SendAttempts {

	private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);

	private final OutboundRepository repository;

	private final Accounts accounts;

	private final GraphClient graph;

	private final AccountPacing pacing;

	private final StatusEvents statusEvents;

	private final TransactionTemplate transaction;

	private final OutboundProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	SendAttempts(OutboundRepository repository, Accounts accounts, GraphClient graph, AccountPacing pacing,
			StatusEvents statusEvents, TransactionTemplate transaction, OutboundProperties properties, JsonMapper json,
			Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.graph = graph;
		this.pacing = pacing;
		this.statusEvents = statusEvents;
		this.transaction = transaction;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** Attempts a pending message now, unless the account's pace says to wait. */
	SendOutcome attempt(OutboundMessage message) {
		Optional<Duration> wait = pacing.tryAcquire(message.accountId());
		if (wait.isPresent()) {
			return new SendOutcome.Later(clock.instant().plus(wait.get()));
		}
		Instant started = clock.instant();
		if (!repository.claim(message.id(), started)) {
			return new SendOutcome.Done();
		}
		SendingAccount account = accounts.sendingAccount(message.accountId());
		if (!account.tokenValid()) {
			return fail(message, new OutboundRepository.Failure(190, null,
					"The account's access token was rejected: " + account.tokenError(), null));
		}
		try {
			GraphClient.Sent sent = graph.send(account.accessToken(),
					json.readValue(message.body(), OutgoingMessage.class));
			return sent(message, sent.messageId());
		}
		catch (GraphApiException ex) {
			return failed(message, ex, started);
		}
	}

	private SendOutcome sent(OutboundMessage message, String instagramMessageId) {
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			if (repository.markSent(message.id(), instagramMessageId, now)) {
				statusEvents.changed(message, MessageStatus.SENT, instagramMessageId, null, now);
			}
		});
		return new SendOutcome.Done();
	}

	private SendOutcome failed(OutboundMessage message, GraphApiException error, Instant started) {
		OutboundRepository.Failure failure = new OutboundRepository.Failure(error.code(), error.subcode(),
				error.getMessage(), error.fbtraceId());
		int attempts = message.attempts() + 1;
		switch (error.kind()) {
			case TOKEN_INVALID -> {
				log.warn("Meta rejected the access token of account {}: {}", message.accountId(), error.getMessage());
				accounts.markTokenInvalid(message.accountId(), error.getMessage());
				return fail(message, failure);
			}
			case OUTCOME_UNKNOWN -> {
				log.warn("Meta could not tell whether message {} went out ({}); waiting for its echo", message.id(),
						error.getMessage());
				repository.markUnconfirmed(message.id(), failure, clock.instant());
				return new SendOutcome.Later(started.plus(properties.echoWait()));
			}
			case TRANSIENT -> {
				if (attempts >= properties.retry().maxAttempts()) {
					return fail(message, failure);
				}
				Instant next = clock.instant().plus(backoff(attempts, error.retryAfter()));
				repository.markRetrying(message.id(), failure, next, clock.instant());
				return new SendOutcome.Later(next);
			}
			default -> {
				return fail(message, failure);
			}
		}
	}

	private SendOutcome fail(OutboundMessage message, OutboundRepository.Failure failure) {
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			if (repository.markFailed(message.id(), failure, now)) {
				statusEvents.changed(message, MessageStatus.FAILED, null, failure, now);
			}
		});
		return new SendOutcome.Done();
	}

	/** {@code initial * 2^(attempts-1)}, capped, with jitter; never shorter than what Meta asked for. */
	Duration backoff(int attempts, Duration askedFor) {
		long ceiling = Math.min(properties.retry().maxDelay().toMillis(),
				properties.retry().initialDelay().toMillis() << Math.min(attempts - 1, 30));
		Duration delay = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
		return askedFor != null && askedFor.compareTo(delay) > 0 ? askedFor : delay;
	}

}
