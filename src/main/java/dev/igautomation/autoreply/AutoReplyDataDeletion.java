package dev.igautomation.autoreply;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a user: their pauses, and their cached profile. */
@Component
class AutoReplyDataDeletion {

	private final JdbcClient jdbc;

	private final Profiles profiles;

	private final Pauses pauses;

	AutoReplyDataDeletion(JdbcClient jdbc, Profiles profiles, Pauses pauses) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.pauses = pauses;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from contact_pause where user_id = ?").param(deletion.userId()).update();
		profiles.forget(deletion.userId());
		pauses.forget(deletion.userId());
	}

}
