package dev.igautomation.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.igautomation.system.Ids;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API keys.
 */
@Service
public class ApiKeys {

	static final String ENVIRONMENT_KEY_ID = "key_env_admin";

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final ApiKeyRepository repository;

	private final AccountDirectory accounts;

	static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

	private final Clock clock;

	private final Cache<String, Optional<ApiKeyPrincipal>> authenticated = Caffeine.newBuilder()
		.expireAfterWrite(REMEMBERED_FOR)
		.maximumSize(10_000)
		.build();

	ApiKeys(ApiKeyRepository repository, AccountDirectory accounts, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A key as created: the only moment its secret is known. Never log it. */
	public record CreatedKey(ApiKeyDetails key, String token) {

		@Override
		public String toString() {
			return "CreatedKey[" + key.id() + "]";
		}

	}

	@Transactional
	public CreatedKey create(String name, boolean admin, Set<String> accountIds) {
		if (admin && !accountIds.isEmpty()) {
			throw new InvalidKeyScope("An admin key reaches every account: leave account_ids out, or set admin "
					+ "to false to limit the key to those accounts.");
		}
		Set<String> unknown = new TreeSet<>();
		accountIds.stream().filter(id -> !accounts.exists(id)).forEach(unknown::add);
		if (!unknown.isEmpty()) {
			throw new InvalidKeyScope("account_ids names accounts that do not exist: " + String.join(", ", unknown));
		}
		ApiKeyTokens.NewToken token = ApiKeyTokens.generate();
		ApiKey key = new ApiKey(Ids.next("key"), name, token.lookupId(), token.prefix(), token.hash(), admin,
				accountIds, clock.instant());
		return new CreatedKey(ApiKeyDetails.of(repository.save(key)), token.token());
	}

	/** The live keys, oldest first, after the id {@code after} (null for the first page). */
	@Transactional(readOnly = true)
	public List<ApiKeyDetails> list(String after, int limit) {
		return repository.findByRevokedAtIsNullAndIdGreaterThanOrderByIdAsc(after == null ? "" : after,
				Limit.of(limit)).stream().map(ApiKeyDetails::of).toList();
	}

	@Transactional
	public void revoke(String id) {
		ApiKey key = repository.findByIdAndRevokedAtIsNull(id).orElseThrow(() -> new UnknownApiKey(id));
		key.revoke(clock.instant());
		authenticated.invalidateAll();
	}

	/**
	 * The key's principal when the token is a live key. Answers are remembered for {@link #REMEMBERED_FOR} by the
	 * token's hash; revoking a key forgets them at once here (other instances notice within that time).
	 */
	Optional<ApiKeyPrincipal> authenticate(String token) {
		return authenticated.get(HexFormat.of().formatHex(ApiKeyTokens.hash(token)), hash -> lookUp(token));
	}

	/** Finds the key's row and compares hashes in constant time. */
	private Optional<ApiKeyPrincipal> lookUp(String token) {
		Optional<ApiKey> candidate = ApiKeyTokens.lookupIdOf(token)
			.flatMap(repository::findByLookupIdAndRevokedAtIsNull)
			.filter(key -> ApiKeyTokens.matches(token, key.getKeyHash()))
			.or(() -> repository.findByLookupIdIsNullAndRevokedAtIsNull().stream()
				.filter(key -> ApiKeyTokens.matches(token, key.getKeyHash()))
				.findFirst());
		candidate.ifPresent(this::recordUse);
		return candidate.map(ApiKey::toPrincipal);
	}

	private void recordUse(ApiKey key) {
		Instant now = clock.instant();
		if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
			repository.markUsed(key.getId(), now);
		}
	}

	/** Makes the key from {@code ADMIN_API_KEY} the one stored under its fixed id, or revokes it when unset. */
	@Transactional
	void syncEnvironmentKey(String adminApiKey) {
		Optional<ApiKey> stored = repository.findById(ENVIRONMENT_KEY_ID);
		if (adminApiKey == null || adminApiKey.isBlank()) {
			stored.ifPresent(key -> key.revoke(clock.instant()));
			authenticated.invalidateAll();
			return;
		}
		byte[] hash = ApiKeyTokens.hash(adminApiKey);
		authenticated.invalidateAll();
		if (stored.isPresent()) {
			stored.get().rekey(hash);
		}
		else {
			repository.save(new ApiKey(ENVIRONMENT_KEY_ID, "ADMIN_API_KEY (environment)", null, "env:ADMIN_API_KEY",
					hash, true, Set.of(), clock.instant()));
		}
	}

	@Transactional(readOnly = true)
	public boolean anyAdminKey() {
		return repository.existsByAdminTrueAndRevokedAtIsNull();
	}

}
