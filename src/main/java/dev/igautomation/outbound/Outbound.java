package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.Accounts;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.OutgoingMessage;
import dev.igautomation.system.AfterCommit;
import dev.igautomation.system.Ids;
import dev.igautomation.system.JobQueue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends messages, each exactly once per idempotency key: the key is unique per account in the database, the same
 * key with the same request returns the original message, with another request it is refused, and while the first
 * request is still being answered a duplicate is told to retry. Every message is stored before any attempt and has a
 * job until it is sent or failed, so none is lost if the service stops.
 */
@Service
public class Outbound {

	private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

	private final OutboundRepository repository;

	private final Accounts accounts;

	private final MessagingWindow window;

	private final SendAttempts attempts;

	private final JobQueue jobs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final StatusEvents statusEvents;

	private final Clock clock;

	Outbound(OutboundRepository repository, Accounts accounts, MessagingWindow window, SendAttempts attempts,
			JobQueue jobs, ApplicationEventPublisher events, TransactionTemplate transaction, JsonMapper json,
			StatusEvents statusEvents, Clock clock) {
		this.statusEvents = statusEvents;
		this.repository = repository;
		this.accounts = accounts;
		this.window = window;
		this.attempts = attempts;
		this.jobs = jobs;
		this.events = events;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/** A message as accepted; {@code replayed} when it was accepted before under the same key. */
	public record Accepted(String messageId, MessageStatus status, Instant createdAt, boolean replayed) {
	}

	/**
	 * Accepts a message from the send API and makes its first attempt before answering; returns what is known then.
	 */
	Accepted accept(SendCommand command) {
		Prepared prepared = prepare(command);
		try {
			check(prepared);
		}
		catch (RuntimeException refused) {
			return earlier(prepared).orElseThrow(() -> refused);
		}
		Optional<Duration> wait = attempts.takeTurn(prepared.accountId());
		Instant now = clock.instant();
		boolean created;
		try {
			created = Boolean.TRUE.equals(
					transaction.execute(status -> store(prepared, wait.isEmpty(), now, wait.orElse(IN_FLIGHT))));
		}
		catch (DuplicateKeyException ex) {
			created = false;
		}
		if (!created) {
			return earlier(prepared).orElseThrow(() -> new RequestInProgress(prepared.key()));
		}
		if (wait.isPresent()) {
			return new Accepted(prepared.id(), MessageStatus.PENDING, now, false);
		}
		SendOutcome outcome = attempts.send(prepared.asStored(now), 1, now, true);
		return new Accepted(prepared.id(), outcome.status(), now, false);
	}

	/** What became of a queued message. */
	public sealed interface Queued {

		/** Stored, with a job; its first attempt follows the caller's commit. */
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
	 * Queues a message in the caller's transaction (an auto-reply, say); its first attempt is made once that commits.
	 * A key queued before queues nothing. A message the account may not send (outside the messaging window, with an
	 * invalid token) is refused without throwing, so the caller's transaction goes on.
	 */
	@Transactional
	public Queued queue(SendCommand command) {
		Prepared prepared = prepare(command);
		Optional<Queued> earlier = queuedBefore(prepared);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			check(prepared);
		}
		catch (AccountTokenInvalid | OutsideMessagingWindow refused) {
			return new Queued.Refused(refused.code(), refused.getMessage());
		}
		Instant now = clock.instant();
		if (!store(prepared, false, now, IN_FLIGHT)) {
			return queuedBefore(prepared).orElseThrow();
		}
		if (!AfterCommit.defer(() -> repository.find(prepared.id())
			.filter(message -> message.status() == MessageStatus.PENDING)
			.ifPresent(message -> record(message.id(), attempts.attemptPending(message))))) {
			jobs.reschedule(SendJob.SEND.instance(prepared.id()).build(), now);
		}
		return new Queued.Stored(prepared.id());
	}

	/** How many private replies to comments an account has sent since {@code since}, for Meta's hourly limit. */
	@Transactional(readOnly = true)
	public int privateRepliesSince(String accountId, Instant since) {
		return repository.privateRepliesSince(accountId, since);
	}

	/**
	 * Records a message that will not be sent because a limit of Meta's refuses it before any attempt (a private
	 * reply to a comment over 7 days old, or over the hourly limit): stored as failed with the reason, so it shows in
	 * its status and the sent messages, and reaches the CRM as {@code message.status} failed. A key recorded before
	 * records nothing.
	 */
	@Transactional
	public Queued refuse(SendCommand command, String reason) {
		Prepared prepared = prepare(command);
		Optional<Queued> earlier = queuedBefore(prepared);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant now = clock.instant();
		if (!repository.insertIfAbsent(newMessage(prepared), false, now, null)) {
			return queuedBefore(prepared).orElseThrow();
		}
		OutboundRepository.Failure failure = new OutboundRepository.Failure(null, null, reason, null);
		OutboundMessage stored = repository.find(prepared.id()).orElseThrow();
		if (repository.markFailed(prepared.id(), failure, now)) {
			statusEvents.changed(stored, MessageStatus.FAILED, null, failure, now);
		}
		return new Queued.Refused("refused_by_limit", reason);
	}

	/** The message queued before under the command's key, if any. */
	private Optional<Queued> queuedBefore(Prepared prepared) {
		return repository.findByKey(prepared.accountId(), prepared.key())
			.map(earlier -> new Queued.AlreadyQueued(earlier.id()));
	}

	/** When a rule last sent an auto-reply to a user, for its cooldown. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastSentByRule(String ruleId, String recipientId) {
		return repository.lastCreatedByRule(ruleId, recipientId);
	}

	private void record(String messageId, SendOutcome outcome) {
		transaction.executeWithoutResult(status -> {
			if (outcome instanceof SendOutcome.Later later) {
				jobs.reschedule(SendJob.SEND.instance(messageId).build(), later.at());
			}
			else {
				jobs.cancel(SendJob.SEND.instance(messageId).build());
			}
		});
	}

	/**
	 * Stores the message, taken for an attempt right away or not, and its job, due once the attempt has had its
	 * time or when the account may send again; false when the key is taken.
	 */
	private boolean store(Prepared prepared, boolean attemptingNow, Instant now, Duration jobIn) {
		boolean inserted = repository.insertIfAbsent(newMessage(prepared), attemptingNow, now,
				attemptingNow ? now.plus(IN_FLIGHT) : null);
		if (!inserted) {
			return false;
		}
		jobs.scheduleLater(SendJob.SEND.instance(prepared.id()).build(), now.plus(jobIn));
		if (prepared.command().source() == SendCommand.Source.API && prepared.command().recipientId() != null) {
			events.publishEvent(new HumanMessageSent(prepared.accountId(), prepared.command().recipientId(), now,
					HumanMessageSent.Channel.SEND_API));
		}
		return true;
	}

	private static OutboundRepository.NewMessage newMessage(Prepared prepared) {
		return new OutboundRepository.NewMessage(prepared.id(), prepared.accountId(), prepared.key(), prepared.hash(),
				prepared.command().recipientId(), prepared.command().commentId(), prepared.body(),
				prepared.command().text(), prepared.command().tag(), prepared.command().source().value(),
				prepared.command().ruleId());
	}

	private Optional<Accepted> earlier(Prepared prepared) {
		return repository.findByKey(prepared.accountId(), prepared.key()).map(existing -> {
			if (!existing.requestHash().equals(prepared.hash())) {
				throw new IdempotencyKeyReused(prepared.key(), existing.id());
			}
			if (existing.inFlight(clock.instant())) {
				throw new RequestInProgress(prepared.key());
			}
			return new Accepted(existing.id(), existing.status(), existing.createdAt(), true);
		});
	}

	private void check(Prepared prepared) {
		SendingAccount account = prepared.account();
		if (!account.tokenValid()) {
			throw new AccountTokenInvalid(account.id(), account.tokenError());
		}
		if (prepared.command().commentId() == null) {
			window.check(account, prepared.command().recipientId(), prepared.command().tag());
		}
	}

	private Prepared prepare(SendCommand command) {
		SendingAccount account = accounts.sendingAccount(command.accountId());
		OutgoingMessage message = toGraph(command);
		String body = json.writeValueAsString(message);
		String key = command.idempotencyKey() != null ? command.idempotencyKey() : Ids.next("auto");
		return new Prepared(Ids.next("msg"), command, account, key, body, RequestHashing.sha256(body));
	}

	private static OutgoingMessage toGraph(SendCommand command) {
		OutgoingMessage.Recipient recipient = command.commentId() != null
				? OutgoingMessage.Recipient.commentAuthor(command.commentId())
				: OutgoingMessage.Recipient.user(command.recipientId());
		OutgoingMessage.Attachment attachment = command.attachment() == null ? null
				: new OutgoingMessage.Attachment(command.attachment().type(),
						new OutgoingMessage.Attachment.Payload(command.attachment().url()));
		List<OutgoingMessage.QuickReply> quickReplies = command.quickReplies() == null ? null
				: command.quickReplies()
					.stream()
					.map(reply -> OutgoingMessage.QuickReply.text(reply.title(), reply.payload()))
					.toList();
		boolean tagged = command.tag() != null;
		return new OutgoingMessage(recipient, new OutgoingMessage.Content(command.text(), attachment, quickReplies),
				command.replyTo() == null ? null : new OutgoingMessage.ReplyTo(command.replyTo()),
				tagged ? "MESSAGE_TAG" : null, command.tag());
	}

	/** A command with everything derived from it. */
	private record Prepared(String id, SendCommand command, SendingAccount account, String key, String body,
			String hash) {

		String accountId() {
			return account.id();
		}

		/** The message as just stored, taken for its first attempt. */
		OutboundMessage asStored(Instant now) {
			return new OutboundMessage(id, account.id(), key, hash, command.recipientId(), command.commentId(), body,
					command.text(), command.tag(), command.source().value(), MessageStatus.SENDING, 1, null, null, null,
					null, null, null, now, now.plus(IN_FLIGHT), now, now, null, null, command.ruleId());
		}

	}

	/** An account's messages, newest first, for its API. */
	@Transactional(readOnly = true)
	List<OutboundMessage> list(String accountId, OutboundRepository.Filter filter, Instant beforeCreatedAt,
			String beforeId, int limit) {
		return repository.list(accountId, filter, beforeCreatedAt, beforeId, limit);
	}

	/** An account's messages, newest first, optionally in one status ({@code failed}...), for the console. */
	@Transactional(readOnly = true)
	public List<SentMessage> sent(String accountId, String status, Instant beforeCreatedAt, String beforeId,
			int limit) {
		return repository.list(accountId, new OutboundRepository.Filter(null, null, null,
				status == null ? null : MessageStatus.of(status)), beforeCreatedAt, beforeId, limit)
			.stream()
			.map(SentMessage::of)
			.toList();
	}

	/** The status of a message, for its API. */
	@Transactional(readOnly = true)
	Optional<OutboundMessage> find(String messageId) {
		return repository.find(messageId);
	}

}
