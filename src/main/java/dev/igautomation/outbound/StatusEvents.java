package dev.igautomation.outbound;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.igautomation.system.DurableEvents;
import org.springframework.stereotype.Component;

/**
 * Announces a message's change of status as {@link MessageStatusChanged}, in the transaction that changed it, and
 * counts it ({@code igautomation.messages.status}, {@code igautomation.messages.send.duration}).
 */
@Component
class StatusEvents {

	private final DurableEvents events;

	private final MeterRegistry meters;

	StatusEvents(DurableEvents events, MeterRegistry meters) {
		this.events = events;
		this.meters = meters;
	}

	void changed(OutboundMessage message, MessageStatus status, String instagramMessageId,
			OutboundRepository.Failure failure, Instant at) {
		meters.counter("igautomation.messages.status", "status", status.value(), "source", message.source()).increment();
		if (status == MessageStatus.SENT && message.createdAt() != null && !at.isBefore(message.createdAt())) {
			Timer.builder("igautomation.messages.send.duration")
				.description("From a message being accepted to Meta accepting it")
				.tag("source", message.source())
				.publishPercentileHistogram()
				.register(meters)
				.record(Duration.between(message.createdAt(), at));
		}
		events.publish(new MessageStatusChanged(message.id(), message.accountId(), message.recipientId(), status,
				instagramMessageId, failure == null ? null : failure.code(), failure == null ? null : failure.subcode(),
				failure == null ? null : failure.message(), message.source(), message.ruleId(), at),
				message.id() + ":" + status.value());
	}

}
