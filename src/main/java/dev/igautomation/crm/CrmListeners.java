package dev.igautomation.crm;

import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.outbound.MessageStatusChanged;
import dev.igautomation.system.EventListenerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the CRM feature reacts to, each in a job of its own: events from Meta, and sent messages' statuses. */
@Configuration(proxyBeanMethods = false)
class CrmListeners {

	@Bean
	EventListenerTask<InstagramEventsReceived> crmForwardsEvents(CrmForwarding forwarding) {
		return EventListenerTask.of("crm.forward-events", InstagramEventsReceived.class, forwarding::forward);
	}

	@Bean
	EventListenerTask<MessageStatusChanged> crmForwardsStatuses(StatusForwarding forwarding) {
		return EventListenerTask.of("crm.forward-status", MessageStatusChanged.class, forwarding::forward);
	}

}
