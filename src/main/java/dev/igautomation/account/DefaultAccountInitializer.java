package dev.igautomation.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the account given by {@code INSTAGRAM_BUSINESS_ACCOUNT_ID} and
 * {@code INSTAGRAM_PAGE_ACCESS_TOKEN}, before the service takes requests.
 */
@Component
class DefaultAccountInitializer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DefaultAccountInitializer.class);

	private final Accounts accounts;

	private final DefaultAccountProperties properties;

	DefaultAccountInitializer(Accounts accounts, DefaultAccountProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!properties.configured()) {
			return;
		}
		String id = properties.instagramAccountId().trim();
		if (!id.matches("\\d{1,32}")) {
			throw new IllegalStateException("INSTAGRAM_BUSINESS_ACCOUNT_ID must be digits only.");
		}
		String username = properties.username() == null || properties.username().isBlank() ? "ig_" + id
				: properties.username().trim();
		accounts.upsertFromEnvironment(new Accounts.NewAccount(id, username, properties.accessToken().trim(),
				blankToNull(properties.crmWebhookUrl()), blankToNull(properties.webhookSecret()), null));
		log.info("Account for Instagram account {} configured from the environment", id);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
