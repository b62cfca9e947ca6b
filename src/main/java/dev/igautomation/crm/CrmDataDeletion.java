package dev.igautomation.crm;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the CRM deliveries about a user: those of their events and of the status of messages sent to them. Runs
 * first, while those events and messages, which name the user, are still there to find the deliveries by.
 */
@Component
class CrmDataDeletion {

	private final JdbcClient jdbc;

	CrmDataDeletion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void delete(UserDataDeletion deletion) {
		jdbc.sql("""
				delete from crm_delivery where source_key in (select 'event:' || id from inbound_event where user_id = ?)
				    or exists (select 1 from outbound_message o
				               where o.recipient_id = ? and crm_delivery.source_key like 'status:' || o.id || ':%')""")
			.params(deletion.userId(), deletion.userId())
			.update();
	}

}
