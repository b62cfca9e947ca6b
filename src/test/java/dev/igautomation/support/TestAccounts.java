package dev.igautomation.support;

import java.util.Map;
import java.util.UUID;

/**
 * An account made for one test: its own Instagram account id, and its own path on the CRM stub.
 */
public record TestAccounts(String id, String instagramAccountId, String crmPath, String webhookSecret) {

	public static final String WEBHOOK_SECRET = "crm-webhook-secret-for-tests";

	public static TestAccounts create(Api api) {
		String instagramAccountId = Api.randomInstagramId();
		String crmPath = "/crm/" + UUID.randomUUID();
		String id = api.createAccount(Api.ADMIN_KEY, Map.of("instagram_account_id", instagramAccountId,
				"crm_webhook_url", Stubs.crm().baseUrl() + crmPath, "webhook_secret", WEBHOOK_SECRET));
		return new TestAccounts(id, instagramAccountId, crmPath, WEBHOOK_SECRET);
	}

	/** A unique suffix for the ids in fixtures sent for this account. */
	public static String unique() {
		return "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
