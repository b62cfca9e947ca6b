package dev.igautomation.outbound;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes every message sent to a user (a send still waiting for its job finds nothing and is dropped), and forgets
 * their messaging window: with their messages gone, nothing may be sent to them until they write again.
 */
@Component
class OutboundDataDeletion {

	private final JdbcClient jdbc;

	private final MessagingWindow window;

	OutboundDataDeletion(JdbcClient jdbc, MessagingWindow window) {
		this.jdbc = jdbc;
		this.window = window;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from outbound_message where recipient_id = ?").param(deletion.userId()).update();
		window.forget(deletion.userId());
	}

}
