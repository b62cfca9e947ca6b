package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.igautomation.outbound.HumanMessageSent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Human takeover: when a person at the business writes to a user — from the Instagram app, or through the send API —
 * auto-replies to that user stop for {@code app.autoreply.human-pause}, counted from that message. Operators pause
 * and resume users by hand too.
 */
@Service
class Pauses {

	private static final Logger log = LoggerFactory.getLogger(Pauses.class);

	private final PauseRepository repository;

	private final Duration humanPause;

	private final Clock clock;

	/**
	 * Until when each user was last paused by a person's message from here: a pause that already lasts to within a
	 * minute of the new one is not written again (a busy conversation would otherwise write at every message).
	 * Forgotten when an operator pauses or resumes the user here.
	 */
	private final Cache<String, Instant> written = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	Pauses(PauseRepository repository, AutoReplyProperties properties, Clock clock) {
		this.repository = repository;
		this.humanPause = properties.humanPause();
		this.clock = clock;
	}

	/** Runs in the transaction that learned of the message, so the pause holds from the moment it commits. */
	@EventListener
	void humanWrote(HumanMessageSent sent) {
		Instant until = sent.at().plus(humanPause);
		Instant now = clock.instant();
		if (!until.isAfter(now) || humanPause.isZero()) {
			return;
		}
		String key = sent.accountId() + ":" + sent.userId();
		Instant alreadyUntil = written.getIfPresent(key);
		if (alreadyUntil != null && !alreadyUntil.isBefore(until.minus(Duration.ofMinutes(1)))) {
			return;
		}
		String reason = sent.channel() == HumanMessageSent.Channel.INSTAGRAM_APP ? Pause.HUMAN_REPLY : Pause.API_SEND;
		repository.extend(new Pause(sent.accountId(), sent.userId(), until, reason, now));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					written.put(key, until);
				}
			});
		}
		log.debug("Auto-replies to user {} of account {} paused until {} ({})", sent.userId(), sent.accountId(), until,
				reason);
	}

	/** Pauses auto-replies to a user for {@code duration}, or until resumed when null. */
	@Transactional
	Pause pause(String accountId, String userId, Duration duration) {
		Instant now = clock.instant();
		written.invalidate(accountId + ":" + userId);
		Pause pause = new Pause(accountId, userId, duration == null ? null : now.plus(duration), Pause.OPERATOR, now);
		repository.replace(pause);
		return pause;
	}

	/** Auto-replies to the user are back on; true if they were paused. */
	@Transactional
	boolean resume(String accountId, String userId) {
		written.invalidate(accountId + ":" + userId);
		return repository.deleteOne(accountId, userId) > 0;
	}

	/** Forgets what was written for a user whose data is deleted. */
	void forget(String userId) {
		written.asMap().keySet().removeIf(key -> key.endsWith(":" + userId));
	}

	@Transactional(readOnly = true)
	Optional<Pause> active(String accountId, String userId) {
		return repository.findActive(accountId, userId, clock.instant());
	}

	@Transactional(readOnly = true)
	List<Pause> active(String accountId, String afterUserId, int limit) {
		return repository.findActive(accountId, clock.instant(), afterUserId == null ? "" : afterUserId,
				Limit.of(limit));
	}

}
