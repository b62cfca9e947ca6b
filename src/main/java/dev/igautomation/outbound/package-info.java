/**
 * Sending through the Graph API: the send API, idempotency, the 24-hour window, pacing, retries, and each message's
 * status as far as read receipts.
 */
package dev.igautomation.outbound;
