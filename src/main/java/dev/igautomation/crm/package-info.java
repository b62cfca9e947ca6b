/**
 * Forwarding to each account's CRM: signed deliveries, retries on a schedule, dead letters, and retrying them by hand.
 */
package dev.igautomation.crm;
