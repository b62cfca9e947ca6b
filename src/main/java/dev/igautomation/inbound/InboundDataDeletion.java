package dev.igautomation.inbound;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes every event from or to a user, in every account's conversations. */
@Component
class InboundDataDeletion {

	private final JdbcClient jdbc;

	InboundDataDeletion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from inbound_event where user_id = ?").param(deletion.userId()).update();
	}

}
