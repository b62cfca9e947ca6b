package dev.igautomation.inbox;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a user's conversations, and the inbox's record of their changes, in every account. */
@Component
class InboxDataDeletion {

	private final JdbcClient jdbc;

	InboxDataDeletion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from conversation where user_id = ?").param(deletion.userId()).update();
		jdbc.sql("delete from inbox_change where user_id = ?").param(deletion.userId()).update();
	}

}
