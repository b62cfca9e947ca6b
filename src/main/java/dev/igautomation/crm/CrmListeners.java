package dev.igautomation.crm;

import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.optout.ContactOptedIn;
import dev.igautomation.optout.ContactOptedOut;
import dev.igautomation.outbound.MessageStatusesChanged;
import dev.igautomation.system.EventListenerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the CRM feature reacts to, each in a job of its own: events from Meta, sent messages' statuses, and users
 * opting out of automated messages or back in.
 */
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

	@Bean
	EventListenerTask<ContactOptedOut> crmForwardsOptOuts(ContactForwarding forwarding) {
		return EventListenerTask.of("crm.forward-opt-outs", ContactOptedOut.class, forwarding::optedOut);
	}

	@Bean
	EventListenerTask<ContactOptedIn> crmForwardsOptIns(ContactForwarding forwarding) {
		return EventListenerTask.of("crm.forward-opt-ins", ContactOptedIn.class, forwarding::optedIn);
	}

}
