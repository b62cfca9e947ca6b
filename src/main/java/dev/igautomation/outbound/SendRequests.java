package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.GroupCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send API's side: each message exactly once per idempotency key — the key is unique per account in the
 * database, the same key with the same request answers the original message, with another request it is refused,
 * and while the first request is still being answered a duplicate is told to retry. A message is stored before any
 * attempt (with the others accepted at the same moment, see {@link AcceptWrites}), and its first attempt is made
 * before the answer; should the service stop first, {@link SendSweep} makes it.
 */
@Service
class SendRequests {

	private final MessageIntake intake;

	private final GroupCommit<AcceptWrites.Acceptance, Boolean> accepts;

	private final SendAttempts attempts;

	private final OutboundMessageStore store;

	private final OutboundMessageQueries queries;

	private final Clock clock;

	SendRequests(MessageIntake intake, GroupCommit<AcceptWrites.Acceptance, Boolean> acceptWriter,
			SendAttempts attempts, OutboundMessageStore store, OutboundMessageQueries queries, Clock clock) {
		this.intake = intake;
		this.accepts = acceptWriter;
		this.attempts = attempts;
		this.store = store;
		this.queries = queries;
		this.clock = clock;
	}

	/** Accepts a message and makes its first attempt before answering; returns what is known then. */
	Outbound.Accepted accept(SendCommand command) {
		PreparedMessage prepared = intake.prepare(command);
		try {
			intake.check(prepared);
		}
		catch (RuntimeException refused) {
			return earlier(prepared).orElseThrow(() -> refused);
		}
		Optional<Duration> wait = attempts.takeTurn(prepared.accountId());
		Instant now = clock.instant();
		Instant due = wait.isPresent() ? now.plus(wait.get()) : attempts.outcomeDue(now);
		if (!accepts.submit(new AcceptWrites.Acceptance(prepared, wait.isEmpty(), now, due))) {
			return earlier(prepared).orElseThrow(() -> new RequestInProgress(prepared.key()));
		}
		if (wait.isPresent()) {
			return new Outbound.Accepted(prepared.id(), MessageStatus.PENDING, now, false);
		}
		SendOutcome outcome = attempts.send(prepared.asTaken(now, now.plus(AcceptWrites.IN_FLIGHT)), 1, now);
		return new Outbound.Accepted(prepared.id(), outcome.status(), now, false);
	}

	private Optional<Outbound.Accepted> earlier(PreparedMessage prepared) {
		return intake.earlier(prepared).map(existing -> {
			if (!existing.requestHash().equals(prepared.hash())) {
				throw new IdempotencyKeyReused(prepared.key(), existing.id());
			}
			if (existing.inFlight(clock.instant())) {
				throw new RequestInProgress(prepared.key());
			}
			return new Outbound.Accepted(existing.id(), existing.status(), existing.createdAt(), true);
		});
	}

	/** An account's messages, newest first, for its API. */
	@Transactional(readOnly = true)
	List<OutboundMessage> list(String accountId, OutboundMessageQueries.Filter filter, Instant beforeCreatedAt,
			String beforeId, int limit) {
		return queries.list(accountId, filter, beforeCreatedAt, beforeId, limit);
	}

	/** The status of a message, for its API. */
	@Transactional(readOnly = true)
	Optional<OutboundMessage> find(String messageId) {
		return store.find(messageId);
	}

}
