package dev.igautomation.crm;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events are delivered to CRMs.
 *
 * @param retry when failed deliveries are tried again
 * @param connectTimeout how long to wait for a CRM to accept a connection
 * @param readTimeout how long to wait for a CRM's answer
 */
@Validated
@ConfigurationProperties("app.crm")
record CrmProperties(@DefaultValue Retry retry, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout) {

	/**
	 * @param schedule the delays before each further attempt, after the first; after the last, the delivery fails (a
	 * dead letter that can be retried by hand). Svix's schedule by default.
	 * @param maxRetryAfter the longest {@code Retry-After} a CRM can ask for; longer ones are cut to it
	 */
	record Retry(@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) @NotEmpty List<Duration> schedule,
			@DefaultValue("24h") Duration maxRetryAfter) {
	}

}
