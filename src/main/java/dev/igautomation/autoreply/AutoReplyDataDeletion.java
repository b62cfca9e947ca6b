package dev.igautomation.autoreply;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forgets a user: their pauses, and their cached profile. */
@Component
class AutoReplyDataDeletion {

	private final PauseRepository pauseRepository;

	private final Profiles profiles;

	private final Pauses pauses;

	AutoReplyDataDeletion(PauseRepository pauseRepository, Profiles profiles, Pauses pauses) {
		this.pauseRepository = pauseRepository;
		this.profiles = profiles;
		this.pauses = pauses;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		pauseRepository.deleteAllOf(deletion.userId());
		profiles.forget(deletion.userId());
		pauses.forget(deletion.userId());
	}

}
