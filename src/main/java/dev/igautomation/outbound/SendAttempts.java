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
import dev.igautomation.system.JobQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to send a message through the Graph API, and what follows from Meta's answer. A message is taken
 * ({@code sending}) before the call, so no two attempts send it, and no transaction is held during the call; the
 * outcome, its status event and what becomes of the message's job are then recorded in one transaction. Errors that
 * may pass are retried with exponential backoff and jitter, waiting at least as long as Meta asks; an answer that
 * leaves the outcome unknown is not sent again until its echo has had time to arrive.
 */
@Component
class SendAttempts {

	private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);

	private final OutboundRepository repository;

	private final Accounts accounts;

	private final GraphClient graph;

	private final AccountPacing pacing;

	private final StatusEvents statusEvents;

	private final JobQueue jobs;

	private final TransactionTemplate transaction;

	private final OutboundProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	SendAttempts(OutboundRepository repository, Accounts accounts, GraphClient graph, AccountPacing pacing,
			StatusEvents statusEvents, JobQueue jobs, TransactionTemplate transaction, OutboundProperties properties,
			JsonMapper json, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.graph = graph;
		this.pacing = pacing;
		this.statusEvents = statusEvents;
		this.jobs = jobs;
		this.transaction = transaction;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** How long the account must wait before its next send; empty when it may send now (and has taken the turn). */
	Optional<Duration> takeTurn(String accountId) {
		return pacing.tryAcquire(accountId);
	}

	/** Attempts a pending message from its job, unless the account's pace says to wait. */
	SendOutcome attemptPending(OutboundMessage message) {
		Optional<Duration> wait = takeTurn(message.accountId());
		if (wait.isPresent()) {
			return new SendOutcome.Later(clock.instant().plus(wait.get()), MessageStatus.PENDING);
		}
		Instant started = clock.instant();
		if (!repository.claim(message.id(), started)) {
			return new SendOutcome.Done(null);
		}
		return send(message, message.attempts() + 1, started, false);
	}

	/**
	 * Sends a message already taken for this attempt, and records the outcome. With {@code ownJob}, the message's
	 * job is moved or removed in the same transaction; otherwise the running job does that with the outcome.
	 */
	SendOutcome send(OutboundMessage message, int attempt, Instant started, boolean ownJob) {
		SendingAccount account = accounts.sendingAccount(message.accountId());
		SendOutcome outcome;
		if (!account.tokenValid()) {
			outcome = record(() -> fail(message, new OutboundRepository.Failure(190, null,
					"The account's access token was rejected: " + account.tokenError(), null)), message, ownJob);
			return outcome;
		}
		try {
			GraphClient.Sent sent = graph.send(account.accessToken(),
					json.readValue(message.body(), OutgoingMessage.class));
			return record(() -> sent(message, sent.messageId()), message, ownJob);
		}
		catch (GraphApiException ex) {
			return record(() -> failed(message, ex, attempt, started), message, ownJob);
		}
	}

	private SendOutcome record(java.util.function.Supplier<SendOutcome> outcome, OutboundMessage message,
			boolean ownJob) {
		return transaction.execute(status -> {
			SendOutcome result = outcome.get();
			if (ownJob) {
				if (result instanceof SendOutcome.Later later) {
					jobs.reschedule(SendJob.SEND.instance(message.id()).build(), later.at());
				}
				else {
					jobs.cancel(SendJob.SEND.instance(message.id()).build());
				}
			}
			return result;
		});
	}

	private SendOutcome sent(OutboundMessage message, String instagramMessageId) {
		Instant now = clock.instant();
		if (repository.markSent(message.id(), instagramMessageId, now)) {
			statusEvents.changed(message, MessageStatus.SENT, instagramMessageId, null, now);
		}
		return new SendOutcome.Done(MessageStatus.SENT);
	}

	private SendOutcome failed(OutboundMessage message, GraphApiException error, int attempt, Instant started) {
		OutboundRepository.Failure failure = new OutboundRepository.Failure(error.code(), error.subcode(),
				error.getMessage(), error.fbtraceId());
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
				return new SendOutcome.Later(started.plus(properties.echoWait()), MessageStatus.SENDING);
			}
			case TRANSIENT -> {
				if (attempt >= properties.retry().maxAttempts()) {
					return fail(message, failure);
				}
				Instant next = clock.instant().plus(backoff(attempt, error.retryAfter()));
				repository.markRetrying(message.id(), failure, next, clock.instant());
				return new SendOutcome.Later(next, MessageStatus.PENDING);
			}
			default -> {
				return fail(message, failure);
			}
		}
	}

	private SendOutcome fail(OutboundMessage message, OutboundRepository.Failure failure) {
		Instant now = clock.instant();
		if (repository.markFailed(message.id(), failure, now)) {
			statusEvents.changed(message, MessageStatus.FAILED, null, failure, now);
		}
		return new SendOutcome.Done(MessageStatus.FAILED);
	}

	/** {@code initial * 2^(attempts-1)}, capped, with jitter; never shorter than what Meta asked for. */
	Duration backoff(int attempts, Duration askedFor) {
		long ceiling = Math.min(properties.retry().maxDelay().toMillis(),
				properties.retry().initialDelay().toMillis() << Math.min(attempts - 1, 30));
		Duration delay = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
		return askedFor != null && askedFor.compareTo(delay) > 0 ? askedFor : delay;
	}

}
