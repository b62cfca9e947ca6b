package dev.igautomation.analytics;

import io.micrometer.core.instrument.MeterRegistry;

import dev.igautomation.inbound.InstagramEventReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the events processed, by kind and direction ({@code igautomation.events.received}). The other meters —
 * {@code igautomation.messages.status}, {@code igautomation.messages.send.duration},
 * {@code igautomation.crm.deliveries}, {@code igautomation.autoreply.replies} and {@code igautomation.autoreply.latency}
 * — are recorded where those things happen.
 */
@Component
class EventMeters {

	private final MeterRegistry meters;

	EventMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void received(InstagramEventReceived received) {
		meters.counter("igautomation.events.received", "kind", received.event().kind().value(), "direction",
				received.event().direction().value()).increment();
	}

}
