/**
 * Meta's webhooks: the verification handshake, the signature check over the raw body, and parsing bodies into events.
 */
package dev.igautomation.webhook;
