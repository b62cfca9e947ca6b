package dev.igautomation.account;

/**
 * What other features need to know of an account, without its credentials.
 *
 * @param id the account's id ({@code acc_...})
 * @param instagramAccountId the Instagram professional account id Meta's webhooks name as {@code entry.id}
 * @param username its Instagram username
 * @param forwardsToCrm whether it has a CRM endpoint to forward events to
 * @param forwardsImported whether history imported from Meta is forwarded to the CRM too
 */
public record AccountSummary(String id, String instagramAccountId, String username, boolean forwardsToCrm,
		boolean forwardsImported) {
}
