package dev.igautomation.crm;

import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.outbound.MessageStatusesChanged;
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
	EventListenerTask<MessageStatusesChanged> crmForwardsStatuses(StatusForwarding forwarding) {
		return EventListenerTask.of("crm.forward-statuses", MessageStatusesChanged.class, forwarding::forward);
	}

}
