/**
 * The inbox: one conversation per account and Instagram user, summed up from the stored events, with what people set
 * on it (read, assignee, done), its thread of messages merged with the sends, and its changes streamed live.
 */
package dev.igautomation.inbox;
