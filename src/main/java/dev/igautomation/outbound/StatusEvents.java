package dev.igautomation.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.igautomation.system.DurableEvents;
import org.springframework.stereotype.Component;

/**
 * Announces messages' changes of status as {@link MessageStatusesChanged}, in the transaction that changed them —
 * one event for all the changes of that transaction — and counts them ({@code igautomation.messages.status},
 * {@code igautomation.messages.send.duration}).
 */
@Component
class StatusEvents {

	private final DurableEvents events;

	private final MeterRegistry meters;

	StatusEvents(DurableEvents events, MeterRegistry meters) {
		this.events = events;
		this.meters = meters;
	}

	/** A change of status, counted; {@link #publish} it with the others of its transaction. */
	MessageStatusChanged changed(OutboundMessage message, MessageStatus status, String instagramMessageId,
			OutboundMessageStore.Failure failure, Instant at) {
		meters.counter("igautomation.messages.status", "status", status.value(), "source", message.source()).increment();
		if (status == MessageStatus.SENT && message.createdAt() != null && !at.isBefore(message.createdAt())) {
			Timer.builder("igautomation.messages.send.duration")
				.description("From a message being accepted to Meta accepting it")
				.tag("source", message.source())
				.publishPercentileHistogram()
				.register(meters)
				.record(Duration.between(message.createdAt(), at));
		}
		return new MessageStatusChanged(message.id(), message.accountId(), message.recipientId(), status,
				instagramMessageId, failure == null ? null : failure.code(), failure == null ? null : failure.subcode(),
				failure == null ? null : failure.message(), message.source(), message.ruleId(), at);
	}

	/** Publishes the changes of the current transaction, if any, as one event. */
	void publish(List<MessageStatusChanged> changes) {
		if (!changes.isEmpty()) {
			MessageStatusChanged first = changes.get(0);
			events.publish(new MessageStatusesChanged(List.copyOf(changes)),
					first.messageId() + ":" + first.status().value());
		}
	}

}
