package dev.igautomation.autoreply;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import org.springframework.stereotype.Component;

/**
 * Users' usernames and names from the Graph API's user profile, remembered per user for a while. A profile that
 * cannot be fetched — the user has not given consent (error 230), blocked the account, or the call timed out — is
 * {@link Profile#UNKNOWN}, remembered for a shorter while so the Graph API is not asked at every message.
 */
@Component
class Profiles {

	private static final Logger log = LoggerFactory.getLogger(Profiles.class);

	private final GraphClient graph;

	private final AccountCredentials credentials;

	private final Cache<Key, Profile> cache;

	Profiles(GraphClient graph, AccountCredentials credentials, AutoReplyProperties properties) {
		this.graph = graph;
		this.credentials = credentials;
		Duration known = properties.profileTtl();
		Duration unknown = properties.profileFailureTtl();
		this.cache = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfter(Expiry.<Key, Profile>creating((key, profile) -> profile.known() ? known : unknown))
			.build();
	}

	/** A user's profile as far as known. */
	record Profile(String username, String name) {

		static final Profile UNKNOWN = new Profile(null, null);

		boolean known() {
			return username != null || name != null;
		}

	}

	private record Key(String accountId, String userId) {
	}

	Profile of(String accountId, String userId) {
		return cache.get(new Key(accountId, userId), key -> fetch(key.accountId(), key.userId()));
	}

	/** Forgets a user's profile, in every account. */
	void forget(String userId) {
		cache.asMap().keySet().removeIf(key -> key.userId().equals(userId));
	}

	private Profile fetch(String accountId, String userId) {
		try {
			JsonNode profile = graph.userProfile(credentials.sendingAccount(accountId).accessToken(), userId, "name,username");
			return new Profile(blankToNull(profile.path("username").asString(null)),
					blankToNull(profile.path("name").asString(null)));
		}
		catch (GraphApiException ex) {
			log.info("No profile for user {} of account {} ({}): templates use the fallback name", userId, accountId,
					ex.getMessage());
			return Profile.UNKNOWN;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
