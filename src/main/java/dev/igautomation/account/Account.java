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

	static final String SUBSCRIPTION_UNKNOWN = "unknown";

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

	private Instant tokenIssuedAt;

	private Instant tokenExpiresAt;

	private String tokenRefreshError;

	private Instant tokenRefreshFailedAt;

	private boolean forwardImported = true;

	private String subscriptionStatus = SUBSCRIPTION_UNKNOWN;

	private Instant subscriptionCheckedAt;

	private String subscriptionError;

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

	/** A new token: whatever was wrong with the old one no longer applies; when it expires is not known. */
	void encryptedAccessToken(byte[] ciphertext) {
		encryptedAccessToken(ciphertext, null, null);
	}

	/** A new token, issued at {@code issuedAt} and valid until {@code expiresAt} (null when not known). */
	void encryptedAccessToken(byte[] ciphertext, Instant issuedAt, Instant expiresAt) {
		this.accessToken = ciphertext;
		this.tokenStatus = TOKEN_VALID;
		this.tokenError = null;
		this.tokenIssuedAt = issuedAt;
		this.tokenExpiresAt = expiresAt;
		this.tokenRefreshError = null;
		this.tokenRefreshFailedAt = null;
	}

	void tokenRefreshFailed(String error, Instant at) {
		this.tokenRefreshError = error;
		this.tokenRefreshFailedAt = at;
	}

	void tokenRejected(String error) {
		this.tokenStatus = TOKEN_INVALID;
		this.tokenError = error;
	}

	void enforceMessagingWindow(boolean enforced) {
		this.messagingWindowEnforced = enforced;
	}

	void forwardImported(boolean forward) {
		this.forwardImported = forward;
	}

	/** What the last check of the account's webhook subscription found: {@code subscribed}, {@code renewed}... */
	void subscriptionChecked(String status, String error, Instant at) {
		this.subscriptionStatus = status;
		this.subscriptionError = error;
		this.subscriptionCheckedAt = at;
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

	Instant getTokenIssuedAt() {
		return tokenIssuedAt;
	}

	Instant getTokenExpiresAt() {
		return tokenExpiresAt;
	}

	String getTokenRefreshError() {
		return tokenRefreshError;
	}

	Instant getTokenRefreshFailedAt() {
		return tokenRefreshFailedAt;
	}

	boolean isForwardImported() {
		return forwardImported;
	}

	String getSubscriptionStatus() {
		return subscriptionStatus;
	}

	Instant getSubscriptionCheckedAt() {
		return subscriptionCheckedAt;
	}

	String getSubscriptionError() {
		return subscriptionError;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
