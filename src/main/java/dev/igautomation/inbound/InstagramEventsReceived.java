package dev.igautomation.inbound;

import java.util.List;

import dev.igautomation.system.BatchEvent;

/**
 * Events from Meta were stored: published in the transaction that stored them, one for up to
 * {@link EventInserts#EVENTS_PER_JOB} events, so that each feature reacts to them on its own (see
 * {@link dev.igautomation.system.DurableEvents}). Listeners read them with {@link InboundEvents#received}.
 */
public record InstagramEventsReceived(List<String> eventIds) implements BatchEvent<InstagramEventsReceived> {

	@Override
	public List<InstagramEventsReceived> parts() {
		return eventIds.stream().map(id -> new InstagramEventsReceived(List.of(id))).toList();
	}

}
