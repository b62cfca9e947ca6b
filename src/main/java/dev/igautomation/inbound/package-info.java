/**
 * Durable, deduplicated storage of every event Meta's webhooks deliver, the jobs each causes, and reading them back.
 */
package dev.igautomation.inbound;
