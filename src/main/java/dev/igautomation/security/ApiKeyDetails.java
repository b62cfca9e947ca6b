package dev.igautomation.security;

import java.time.Instant;
import java.util.Set;

/**
 * A live API key as its owners see it: never the key, only its prefix.
 *
 * @param accountIds the accounts it is limited to; empty for every account
 * @param lastUsedAt its last use, to the minute
 */
public record ApiKeyDetails(String id, String name, String prefix, boolean admin, Set<String> accountIds,
		Instant createdAt, Instant lastUsedAt) {

	static ApiKeyDetails of(ApiKey key) {
		return new ApiKeyDetails(key.getId(), key.getName(), key.getPrefix(), key.isAdmin(), key.getAccountIds(),
				key.getCreatedAt(), key.getLastUsedAt());
	}

}
