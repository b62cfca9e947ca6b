package dev.igautomation.outbound;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages are sent.
 *
 * @param retry when a send that failed for a reason that may pass is tried again
 * @param perAccountPerSecond the most Graph API sends per second for one account (Meta allows 100 for text)
 * @param echoWait how long to wait for the echo of a send whose outcome Meta could not tell (error 1/1357046, or the
 * service stopping mid-call) before sending it again
 */
@Validated
@ConfigurationProperties("app.outbound")
record OutboundProperties(@DefaultValue Retry retry, @DefaultValue("20") @Min(1) int perAccountPerSecond,
		@DefaultValue("60s") Duration echoWait) {

	/**
	 * @param initialDelay the wait before the first retry; it doubles each time
	 * @param maxDelay the longest wait between attempts
	 * @param maxAttempts attempts in all, the first included; then the message fails
	 */
	record Retry(@DefaultValue("1s") Duration initialDelay, @DefaultValue("5m") Duration maxDelay,
			@DefaultValue("8") @Min(1) int maxAttempts) {
	}

}
