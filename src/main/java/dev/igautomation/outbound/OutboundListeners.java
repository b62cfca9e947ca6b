package dev.igautomation.outbound;

import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.system.EventListenerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the outbound feature reacts to in a job of its own: echoes and read receipts among Meta's events. */
@Configuration(proxyBeanMethods = false)
class OutboundListeners {

	@Bean
	EventListenerTask<InstagramEventsReceived> outboundTracksEvents(DeliveryTracking tracking) {
		return EventListenerTask.of("outbound.track-events", InstagramEventsReceived.class, tracking::track);
	}

}
