/**
 * Analytics: what happened in an account over a period, read from a rollup of the stored events, sends and
 * deliveries that each read first brings up to date ({@link dev.igautomation.analytics.AnalyticsRollup}); and the
 * Micrometer meters the other features record, on {@code /actuator/prometheus}.
 */
package dev.igautomation.analytics;
