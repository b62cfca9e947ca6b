package dev.igautomation.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How missed messages are looked for.
 *
 * @param interval how often each account's recently active conversations are compared with what webhooks delivered
 */
@Validated
@ConfigurationProperties("app.reconciliation")
record ReconciliationProperties(@DefaultValue("10m") Duration interval) {
}
