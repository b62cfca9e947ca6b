package dev.igautomation.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an account's history is imported when it is connected.
 *
 * @param days how far back conversations are imported
 * @param callsPerSecond the most Conversations API calls per second for one account: Meta allows 2 ("Messenger API
 * for Instagram ... Conversations API: your app can make 2 calls per second per Instagram Professional account",
 * Messenger Platform rate limits); reconciliation keeps to it too
 */
@Validated
@ConfigurationProperties("app.import")
record ImportProperties(@DefaultValue("30") @Min(0) @Max(3650) int days,
		@DefaultValue("2") @Min(1) @Max(100) int callsPerSecond) {
}
