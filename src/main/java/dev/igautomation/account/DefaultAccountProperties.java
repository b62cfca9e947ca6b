package dev.igautomation.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An account configured through the environment, as the earlier version was: created or updated at start-up.
 *
 * @param instagramAccountId from {@code INSTAGRAM_BUSINESS_ACCOUNT_ID}
 * @param accessToken from {@code INSTAGRAM_PAGE_ACCESS_TOKEN}
 * @param username from {@code INSTAGRAM_USERNAME}; {@code ig_<id>} when unset
 * @param crmWebhookUrl from {@code CRM_WEBHOOK_URL}
 * @param webhookSecret from {@code CRM_WEBHOOK_SECRET}
 */
@ConfigurationProperties("app.default-account")
record DefaultAccountProperties(String instagramAccountId, String accessToken, String username,
		String crmWebhookUrl, String webhookSecret) {

	boolean configured() {
		return instagramAccountId != null && !instagramAccountId.isBlank() && accessToken != null
				&& !accessToken.isBlank();
	}

	@Override
	public String toString() {
		return "DefaultAccountProperties[instagramAccountId=" + instagramAccountId + "]";
	}

}
