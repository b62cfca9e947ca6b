package dev.igautomation.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A stored API key: its SHA-256 hash, never the key itself.
 */
@Entity
@Table(name = "api_key")
class ApiKey {

	@Id
	private String id;

	private String name;

	private String lookupId;

	private String prefix;

	private byte[] keyHash;

	private boolean admin;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "api_key_account", joinColumns = @JoinColumn(name = "api_key_id"))
	@Column(name = "account_id")
	private Set<String> accountIds = new HashSet<>();

	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiKey() {
	}

	ApiKey(String id, String name, String lookupId, String prefix, byte[] keyHash, boolean admin,
			Set<String> accountIds, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.lookupId = lookupId;
		this.prefix = prefix;
		this.keyHash = keyHash.clone();
		this.admin = admin;
		this.accountIds = new HashSet<>(accountIds);
		this.createdAt = createdAt;
	}

	ApiKeyPrincipal toPrincipal() {
		return new ApiKeyPrincipal(id, name, admin, accountIds);
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

	void revoke(Instant at) {
		if (revokedAt == null) {
			revokedAt = at;
		}
	}

	/** Replaces the key material, for the key configured through the environment when it changes. */
	void rekey(byte[] newHash) {
		this.keyHash = newHash.clone();
		this.revokedAt = null;
	}

	String getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getPrefix() {
		return prefix;
	}

	byte[] getKeyHash() {
		return keyHash.clone();
	}

	boolean isAdmin() {
		return admin;
	}

	Set<String> getAccountIds() {
		return Set.copyOf(accountIds);
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
	}

}
