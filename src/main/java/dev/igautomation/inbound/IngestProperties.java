package dev.igautomation.inbound;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How received events are written.
 *
 * @param writers threads writing events to the database; each transaction takes every body waiting, up to
 * {@code maxEventsPerTransaction} events
 * @param maxEventsPerTransaction the most events written in one transaction
 * @param maxWaiting the most bodies waiting to be written; beyond it webhooks are refused with 503 (Meta retries)
 * @param timeout how long a webhook waits for its events to be written before it is answered 503
 */
@Validated
@ConfigurationProperties("app.inbound")
record IngestProperties(@DefaultValue("2") @Min(1) @Max(32) int writers,
		@DefaultValue("1000") @Min(1) int maxEventsPerTransaction, @DefaultValue("10000") @Min(1) int maxWaiting,
		@DefaultValue("10s") Duration timeout) {
}
