/**
 * Analytics: what happened in an account over a period, computed by the database from the stored events, sends and
 * deliveries; and the Micrometer meters the other features record, on {@code /actuator/prometheus}.
 */
package dev.igautomation.analytics;
