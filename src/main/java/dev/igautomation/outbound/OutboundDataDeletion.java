package dev.igautomation.outbound;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes every message sent to a user; a send still waiting for its job finds nothing and is dropped. */
@Component
class OutboundDataDeletion {

	private final JdbcClient jdbc;

	OutboundDataDeletion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from outbound_message where recipient_id = ?").param(deletion.userId()).update();
	}

}
