package dev.igautomation.privacy;

/**
 * Every trace of an Instagram user is to be deleted: their messages, what was sent to them, what was forwarded about
 * them, and what is remembered of them. Published inside the transaction that records the request: listeners delete
 * in it, so the deletion is complete or not at all.
 *
 * @param userId the user's Instagram-scoped id, as in the webhooks' sender and recipient ids
 */
public record UserDataDeletion(String userId) {
}
