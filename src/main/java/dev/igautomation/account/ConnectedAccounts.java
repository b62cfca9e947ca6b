package dev.igautomation.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.igautomation.system.DurableEvents;
import dev.igautomation.system.Ids;

/**
 * Accounts as Instagram Login connects them: added when new, given their new token and username when known. Apart
 * from {@link Accounts}, whose changes come from people and the API, because here the Instagram user is the
 * authority and no caller's scope applies.
 */
@Service
public class ConnectedAccounts {

	private final AccountRepository repository;

	private final CredentialCipher cipher;

	private final DurableEvents durableEvents;

	private final Clock clock;

	ConnectedAccounts(AccountRepository repository, CredentialCipher cipher, DurableEvents durableEvents, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.durableEvents = durableEvents;
		this.clock = clock;
	}

	/** An account as connected through Instagram Login; {@code created} when it was new. */
	public record Connected(String id, String instagramAccountId, String username, Instant tokenExpiresAt,
			boolean created) {
	}

	/**
	 * Adds the account an Instagram user connected, or gives the existing one its new token and username.
	 */
	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	public Connected connect(String instagramAccountId, String username, String accessToken, Instant issuedAt,
			Instant expiresAt) {
		Optional<Account> existing = repository.findByInstagramAccountId(instagramAccountId);
		Account account = existing.orElseGet(() -> new Account(Ids.next("acc"), instagramAccountId, username,
				clock.instant()));
		account.rename(username);
		account.encryptedAccessToken(cipher.encrypt(accessToken, Account.accessTokenContext(account.getId())),
				issuedAt, expiresAt);
		account.touched(clock.instant());
		repository.saveAndFlush(account);
		Accounts.publishTokenSet(durableEvents, account.getId());
		return new Connected(account.getId(), instagramAccountId, username, expiresAt, existing.isEmpty());
	}

}
