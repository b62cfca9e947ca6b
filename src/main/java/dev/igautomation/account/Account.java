package dev.igautomation.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An Instagram professional account the service works for. Its access token and webhook secret are stored only as
 * ciphertexts; {@link CredentialCipher} holds the key.
 */
@Entity
@Table(name = "account")
class Account {

	static final String TOKEN_VALID = "valid";

	static final String TOKEN_INVALID = "invalid";

	@Id
	private String id;

	private String instagramAccountId;

	private String username;

	private byte[] accessToken;

	private String crmWebhookUrl;

	private byte[] webhookSecret;

	private boolean messagingWindowEnforced = true;

	private String tokenStatus = TOKEN_VALID;

	private String tokenError;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String id, String instagramAccountId, String username, Instant createdAt) {
		this.id = id;
		this.instagramAccountId = instagramAccountId;
		this.username = username;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	static String accessTokenContext(String accountId) {
		return "account/" + accountId + "/access_token";
	}

	static String webhookSecretContext(String accountId) {
		return "account/" + accountId + "/webhook_secret";
	}

	void rename(String username) {
		this.username = username;
	}

	/** A new token: whatever was wrong with the old one no longer applies. */
	void encryptedAccessToken(byte[] ciphertext) {
		this.accessToken = ciphertext;
		this.tokenStatus = TOKEN_VALID;
		this.tokenError = null;
	}

	void tokenRejected(String error) {
		this.tokenStatus = TOKEN_INVALID;
		this.tokenError = error;
	}

	void enforceMessagingWindow(boolean enforced) {
		this.messagingWindowEnforced = enforced;
	}

	/** Sets or (with nulls) removes where and how the account's events are forwarded. */
	void crmEndpoint(String url, byte[] encryptedSecret) {
		this.crmWebhookUrl = url;
		this.webhookSecret = encryptedSecret;
	}

	void touched(Instant at) {
		this.updatedAt = at;
	}

	String getId() {
		return id;
	}

	String getInstagramAccountId() {
		return instagramAccountId;
	}

	String getUsername() {
		return username;
	}

	byte[] getAccessToken() {
		return accessToken;
	}

	String getCrmWebhookUrl() {
		return crmWebhookUrl;
	}

	byte[] getWebhookSecret() {
		return webhookSecret;
	}

	boolean isMessagingWindowEnforced() {
		return messagingWindowEnforced;
	}

	String getTokenStatus() {
		return tokenStatus;
	}

	String getTokenError() {
		return tokenError;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
