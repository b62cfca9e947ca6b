package dev.igautomation.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.igautomation.account.AccountFields;
import dev.igautomation.system.HttpUrl;

/** The console's account forms, with the API's rules for each field ({@link AccountFields}). */
final class AccountForms {

	private AccountForms() {
	}

	/** Adding an account by hand (with a token from Meta's dashboard). */
	static class NewAccount {

		@NotBlank(message = "is required")
		@Pattern(regexp = AccountFields.INSTAGRAM_ID, message = AccountFields.INSTAGRAM_ID_MESSAGE)
		private String instagramAccountId;

		@NotBlank(message = "is required")
		@Pattern(regexp = AccountFields.USERNAME, message = AccountFields.USERNAME_MESSAGE)
		private String username;

		@NotBlank(message = "is required")
		@Size(max = 4096, message = "must be at most 4096 characters")
		private String accessToken;

		@HttpUrl(allowEmpty = true)
		@Size(max = 2048, message = "must be at most 2048 characters")
		private String crmWebhookUrl;

		@Pattern(regexp = "(?s)|.{8,512}", message = AccountFields.SECRET_MESSAGE)
		private String webhookSecret;

		public String getInstagramAccountId() {
			return instagramAccountId;
		}

		public void setInstagramAccountId(String instagramAccountId) {
			this.instagramAccountId = trim(instagramAccountId);
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = trim(username);
		}

		public String getAccessToken() {
			return accessToken;
		}

		public void setAccessToken(String accessToken) {
			this.accessToken = trim(accessToken);
		}

		public String getCrmWebhookUrl() {
			return crmWebhookUrl;
		}

		public void setCrmWebhookUrl(String crmWebhookUrl) {
			this.crmWebhookUrl = trim(crmWebhookUrl);
		}

		public String getWebhookSecret() {
			return webhookSecret;
		}

		public void setWebhookSecret(String webhookSecret) {
			this.webhookSecret = trim(webhookSecret);
		}

	}

	/** Changing where an account's events go: an empty URL stops forwarding; an empty secret keeps the stored one. */
	static class CrmEndpoint {

		@HttpUrl(allowEmpty = true)
		@Size(max = 2048, message = "must be at most 2048 characters")
		private String crmWebhookUrl;

		@Pattern(regexp = "(?s)|.{8,512}", message = AccountFields.SECRET_MESSAGE)
		private String webhookSecret;

		public String getCrmWebhookUrl() {
			return crmWebhookUrl;
		}

		public void setCrmWebhookUrl(String crmWebhookUrl) {
			this.crmWebhookUrl = trim(crmWebhookUrl);
		}

		public String getWebhookSecret() {
			return webhookSecret;
		}

		public void setWebhookSecret(String webhookSecret) {
			this.webhookSecret = trim(webhookSecret);
		}

	}

	static String trim(String value) {
		return value == null ? null : value.strip();
	}

	static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
