package dev.igautomation.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.igautomation.account.Accounts;
import dev.igautomation.crm.CrmDeliveries;
import org.springframework.stereotype.Component;

/**
 * Tells the account's CRM when a message it (or an auto-reply) sent is sent, fails, or is read: a signed
 * {@code message.status} delivery through the same machinery as every other event. Joins the caller's transaction,
 * so a status change and its delivery commit together.
 */
@Component
class StatusEvents {

	private final CrmDeliveries deliveries;

	private final Accounts accounts;

	private final MeterRegistry meters;

	StatusEvents(CrmDeliveries deliveries, Accounts accounts, MeterRegistry meters) {
		this.meters = meters;
		this.deliveries = deliveries;
		this.accounts = accounts;
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
		if (accounts.crmEndpoint(message.accountId()).isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", "message.status");
		payload.put("message_id", message.id());
		payload.put("account_id", message.accountId());
		payload.put("recipient_id", message.recipientId());
		payload.put("status", status.value());
		payload.put("instagram_message_id", instagramMessageId);
		payload.put("error_code", failure == null ? null : failure.code());
		payload.put("error_subcode", failure == null ? null : failure.subcode());
		payload.put("error_message", failure == null ? null : failure.message());
		payload.put("source", message.source());
		payload.put("timestamp", at.toString());
		deliveries.enqueue(message.accountId(), "message.status", "status:" + message.id() + ":" + status.value(),
				payload);
	}

}
