/**
 * What Meta's webhooks did not bring: the history of an account's conversations, imported when it is connected; the
 * messages no webhook delivered, recovered by comparing the Conversations API with what was stored; and the
 * account's webhook subscription, checked and renewed.
 */
package dev.igautomation.history;
