package dev.igautomation.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What keeps accounts working without a person: their long-lived tokens, refreshed before they expire, and their
 * webhook subscriptions, checked and renewed; and which accounts need a person because one of these failed.
 */
@Service
public class AccountLifecycle {

	private final AccountRepository repository;

	private final CredentialCipher cipher;

	private final Clock clock;

	AccountLifecycle(AccountRepository repository, CredentialCipher cipher, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** A token to refresh, decrypted: never log it. */
	public record TokenToRefresh(String accountId, String accessToken) {

		@Override
		public String toString() {
			return "TokenToRefresh[accountId=" + accountId + "]";
		}

	}

	/**
	 * The tokens Meta lets refresh (issued at least 24 hours ago) that expire within {@code expiringWithin} of
	 * {@code now}, whether or not their accounts are in use. Tokens whose expiry is not known are left alone.
	 */
	@Transactional(readOnly = true)
	public List<TokenToRefresh> tokensToRefresh(Instant now, Duration expiringWithin) {
		return repository
			.findByTokenIssuedAtBeforeAndTokenExpiresAtBefore(now.minus(Duration.ofHours(24)),
					now.plus(expiringWithin))
			.stream()
			.filter(account -> Account.TOKEN_VALID.equals(account.getTokenStatus()))
			.map(account -> new TokenToRefresh(account.getId(),
					cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(account.getId()))))
			.toList();
	}

	/** A refreshed token replaces the old one. */
	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	public void tokenRefreshed(String accountId, String accessToken, Instant issuedAt, Instant expiresAt) {
		repository.findById(accountId).ifPresent(account -> {
			account.encryptedAccessToken(cipher.encrypt(accessToken, Account.accessTokenContext(accountId)), issuedAt,
					expiresAt);
			account.touched(clock.instant());
		});
	}

	/** A refresh failed: shown in the account and in the health details until a token is set or refreshed. */
	@Transactional
	public void tokenRefreshFailed(String accountId, String error) {
		repository.findById(accountId).ifPresent(account -> {
			account.tokenRefreshFailed(error, clock.instant());
			account.touched(clock.instant());
		});
	}

	/** Accounts whose token needs a person: Meta rejected it, a refresh failed, or it expired. */
	@Transactional(readOnly = true)
	public List<String> accountsWithTokenProblems() {
		return repository.findWithTokenProblems(clock.instant()).stream().map(Account::getId).sorted().toList();
	}

	/** The accounts whose token Meta has not rejected: those the service can read and send for. */
	@Transactional(readOnly = true)
	public List<String> withUsableTokens() {
		return repository.findByTokenStatusOrderById(Account.TOKEN_VALID).stream().map(Account::getId).toList();
	}

	/** Records what the check of the account's webhook subscription found; {@code error} when it is not sound. */
	@Transactional
	public void subscriptionChecked(String accountId, String status, String error) {
		repository.findById(accountId).ifPresent(account -> account.subscriptionChecked(status, error, clock.instant()));
	}

	/** Accounts whose webhook subscription was found missing and could not be renewed, with what went wrong. */
	@Transactional(readOnly = true)
	public Map<String, String> subscriptionProblems() {
		Map<String, String> problems = new TreeMap<>();
		repository.findBySubscriptionErrorIsNotNull()
			.forEach(account -> problems.put(account.getId(), account.getSubscriptionError()));
		return problems;
	}

}
