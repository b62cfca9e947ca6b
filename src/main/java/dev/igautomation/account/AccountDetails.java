package dev.igautomation.account;

import java.time.Instant;

/**
 * An account as its API and the console show it: every field but the credentials, of which only their presence is
 * told.
 *
 * @param tokenStatus {@code valid}, or {@code invalid} once Meta rejected the token
 * @param tokenExpiresAt when the token expires, when known (tokens from Instagram Login)
 * @param tokenRefreshError why the last refresh of the token failed; null after a new token
 * @param forwardImported whether imported history is forwarded to the CRM
 * @param webhookSubscription the webhook subscription as last checked: {@code subscribed}, {@code renewed},
 * {@code failed}, or {@code unknown} before the first check
 */
public record AccountDetails(String id, String instagramAccountId, String username, String crmWebhookUrl,
		boolean accessTokenSet, boolean webhookSecretSet, boolean messagingWindowEnforced, String tokenStatus,
		String tokenError, Instant tokenExpiresAt, String tokenRefreshError, boolean forwardImported,
		String webhookSubscription, Instant webhookSubscriptionCheckedAt, String webhookSubscriptionError,
		Instant createdAt, Instant updatedAt) {

	static AccountDetails of(Account account) {
		return new AccountDetails(account.getId(), account.getInstagramAccountId(), account.getUsername(),
				account.getCrmWebhookUrl(), account.getAccessToken() != null, account.getWebhookSecret() != null,
				account.isMessagingWindowEnforced(), account.getTokenStatus(), account.getTokenError(),
				account.getTokenExpiresAt(), account.getTokenRefreshError(), account.isForwardImported(),
				account.getSubscriptionStatus(), account.getSubscriptionCheckedAt(), account.getSubscriptionError(),
				account.getCreatedAt(), account.getUpdatedAt());
	}

	/** Whether the token needs a person: Meta rejected it, its last refresh failed, or it expired. */
	public boolean tokenNeedsAttention(Instant now) {
		return !"valid".equals(tokenStatus) || tokenRefreshError != null
				|| (tokenExpiresAt != null && tokenExpiresAt.isBefore(now));
	}

}
