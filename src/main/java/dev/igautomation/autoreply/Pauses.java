package dev.igautomation.autoreply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.outbound.HumanMessageSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
		String reason = sent.channel() == HumanMessageSent.Channel.INSTAGRAM_APP ? Pause.HUMAN_REPLY : Pause.API_SEND;
		repository.extend(new Pause(sent.accountId(), sent.userId(), until, reason, now));
		log.debug("Auto-replies to user {} of account {} paused until {} ({})", sent.userId(), sent.accountId(), until,
				reason);
	}

	/** Pauses auto-replies to a user for {@code duration}, or until resumed when null. */
	@Transactional
	Pause pause(String accountId, String userId, Duration duration) {
		Instant now = clock.instant();
		Pause pause = new Pause(accountId, userId, duration == null ? null : now.plus(duration), Pause.OPERATOR, now);
		repository.replace(pause);
		return pause;
	}

	/** Auto-replies to the user are back on; true if they were paused. */
	@Transactional
	boolean resume(String accountId, String userId) {
		return repository.delete(accountId, userId);
	}

	@Transactional(readOnly = true)
	Optional<Pause> active(String accountId, String userId) {
		return repository.active(accountId, userId, clock.instant());
	}

	@Transactional(readOnly = true)
	List<Pause> active(String accountId, String afterUserId, int limit) {
		return repository.active(accountId, clock.instant(), afterUserId, limit);
	}

}
