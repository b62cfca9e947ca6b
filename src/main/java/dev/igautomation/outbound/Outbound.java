package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending for the other features (auto-replies, private replies to comments): a message is queued under an
 * idempotency key — the same key never sends twice — and attempted at once by {@link #attempt}, or by
 * {@link SendSweep} if the service stops first. What they need to know of what was sent is answered here too.
 */
@Service
public class Outbound {

	private final MessageIntake intake;

	private final AcceptWrites accepts;

	private final SendAttempts attempts;

	private final OutboundMessageStore store;

	private final OutboundMessageQueries queries;

	private final StatusEvents statusEvents;

	private final SendRequests requests;

	private final Clock clock;

	Outbound(MessageIntake intake, AcceptWrites accepts, SendAttempts attempts, OutboundMessageStore store,
			OutboundMessageQueries queries, StatusEvents statusEvents, SendRequests requests, Clock clock) {
		this.intake = intake;
		this.accepts = accepts;
		this.attempts = attempts;
		this.store = store;
		this.queries = queries;
		this.statusEvents = statusEvents;
		this.requests = requests;
		this.clock = clock;
	}

	/** A message as accepted; {@code replayed} when it was accepted before under the same key. */
	public record Accepted(String messageId, MessageStatus status, Instant createdAt, boolean replayed) {
	}

	/** What became of a queued message. */
	public sealed interface Queued {

		/** Stored, due now: make its first attempt with {@link Outbound#attempt}. */
		record Stored(String messageId) implements Queued {
		}

		/** A message with this key was queued before: nothing more is sent. */
		record AlreadyQueued(String messageId) implements Queued {
		}

		/** Not sent, for a reason that sending later would not change, as a problem code and what it means. */
		record Refused(String code, String reason) implements Queued {
		}

	}

	/**
	 * Queues a message, due at once, in the caller's transaction. A key queued before queues nothing. A message the
	 * account may not send (outside the messaging window, with an invalid token) is refused without throwing, so the
	 * caller's transaction goes on.
	 */
	@Transactional
	public Queued queue(SendCommand command) {
		return queue(command, null);
	}

	/**
	 * Queues a message due at {@code due} (null: now), in the caller's transaction; a message due later is sent by
	 * {@link SendSweep} when its time comes, so no thread waits for it.
	 */
	@Transactional
	public Queued queue(SendCommand command, Instant due) {
		PreparedMessage prepared = intake.prepare(command);
		Optional<Queued> earlier = queuedBefore(prepared);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			intake.check(prepared);
		}
		catch (AccountTokenInvalid | OutsideMessagingWindow refused) {
			return new Queued.Refused(refused.code(), refused.getMessage());
		}
		Instant now = clock.instant();
		if (!accepts.store(new AcceptWrites.Acceptance(prepared, false, now, due == null ? now : due))) {
			return queuedBefore(prepared).orElseThrow();
		}
		return new Queued.Stored(prepared.id());
	}

	/**
	 * Sends as the send API does (for a person, from the console): once per idempotency key, its first attempt made
	 * before answering. Refusals are {@link dev.igautomation.system.ProblemException}s that say what to fix: outside
	 * the messaging window, an invalid token, a key reused for another message, or still in progress under that key.
	 */
	public Accepted send(SendCommand command) {
		return requests.accept(command);
	}

	/** Makes the attempt of a queued message now, outside any transaction; answers its status after it. */
	public MessageStatus attempt(String messageId) {
		return store.find(messageId)
			.filter(message -> message.status() == MessageStatus.PENDING)
			.map(message -> attempts.attemptPending(message).status())
			.orElse(null);
	}

	/**
	 * Records a message that will not be sent because a limit of Meta's refuses it before any attempt (a private
	 * reply to a comment over 7 days old, or over the hourly limit): stored as failed with the reason, so it shows in
	 * its status and the sent messages, and reaches the CRM as {@code message.status} failed. A key recorded before
	 * records nothing.
	 */
	@Transactional
	public Queued refuse(SendCommand command, String reason) {
		PreparedMessage prepared = intake.prepare(command);
		Optional<Queued> earlier = queuedBefore(prepared);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant now = clock.instant();
		if (!accepts.store(new AcceptWrites.Acceptance(prepared, false, now, null))) {
			return queuedBefore(prepared).orElseThrow();
		}
		OutboundMessageStore.Failure failure = new OutboundMessageStore.Failure(null, null, reason, null);
		OutboundMessage stored = store.find(prepared.id()).orElseThrow();
		if (store.markFailed(prepared.id(), failure, now)) {
			statusEvents.publish(List.of(statusEvents.changed(stored, MessageStatus.FAILED, null, failure, now)));
		}
		return new Queued.Refused("refused_by_limit", reason);
	}

	/** How many private replies to comments an account has sent since {@code since}, for Meta's hourly limit. */
	@Transactional(readOnly = true)
	public int privateRepliesSince(String accountId, Instant since) {
		return queries.privateRepliesSince(accountId, since);
	}

	/** Whether a message to the user was accepted here after {@code after}, whatever became of it. */
	@Transactional(readOnly = true)
	public boolean sentToSince(String accountId, String recipientId, Instant after) {
		return queries.createdForSince(accountId, recipientId, after);
	}

	/** When a rule last sent an auto-reply to a user, for its cooldown. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastSentByRule(String ruleId, String recipientId) {
		return queries.lastCreatedByRule(ruleId, recipientId);
	}

	/** An account's messages, newest first, optionally in one status ({@code failed}...), for the console. */
	@Transactional(readOnly = true)
	public List<SentMessage> sent(String accountId, String status, Instant beforeCreatedAt, String beforeId,
			int limit) {
		return queries.list(accountId, new OutboundMessageQueries.Filter(null, null, null,
				status == null ? null : MessageStatus.of(status)), beforeCreatedAt, beforeId, limit)
			.stream()
			.map(SentMessage::of)
			.toList();
	}

	/** The messages sent to a user, newest first, before ({@code beforeCreatedAt}, {@code beforeId}). */
	@Transactional(readOnly = true)
	public List<SentMessage> sentTo(String accountId, String recipientId, Instant beforeCreatedAt, String beforeId,
			int limit) {
		return queries.list(accountId, new OutboundMessageQueries.Filter(recipientId, null, null, null), beforeCreatedAt,
				beforeId, limit).stream().map(SentMessage::of).toList();
	}

	/** Which of these Instagram message ids (echoes' mids) are of messages sent through this service. */
	@Transactional(readOnly = true)
	public java.util.Set<String> sentHere(String accountId, java.util.Collection<String> instagramMessageIds) {
		java.util.Set<String> sent = new java.util.HashSet<>();
		for (String mid : instagramMessageIds) {
			if (store.findByInstagramMessageId(accountId, mid).isPresent()) {
				sent.add(mid);
			}
		}
		return sent;
	}

	private Optional<Queued> queuedBefore(PreparedMessage prepared) {
		return intake.earlier(prepared).map(earlier -> new Queued.AlreadyQueued(earlier.id()));
	}

}
