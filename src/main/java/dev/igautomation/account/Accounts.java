package dev.igautomation.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.igautomation.security.AccountDirectory;
import dev.igautomation.security.Caller;
import dev.igautomation.system.Ids;
import dev.igautomation.system.InvalidRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accounts the service works for: the one way to add, change, remove and read them, and to reach their
 * (decrypted) credentials. What the event pipeline asks for on every event (an account by its Instagram id, its CRM
 * endpoint, its token) is cached for {@link #CACHED_FOR}: every change here clears the cache at once, and other
 * instances sharing the database see a change within that time.
 */
@Service
public class Accounts implements AccountDirectory {

	private final AccountRepository repository;

	private final CredentialCipher cipher;

	private final ApplicationEventPublisher events;

	static final Duration CACHED_FOR = Duration.ofSeconds(30);

	private final Clock clock;

	private final Cache<String, Optional<AccountSummary>> byInstagramId = cache();

	private final Cache<String, Optional<CrmEndpoint>> crmEndpoints = cache();

	private final Cache<String, String> accessTokens = cache();

	private final Cache<String, SendingAccount> sendingAccounts = cache();

	Accounts(AccountRepository repository, CredentialCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().expireAfterWrite(CACHED_FOR).maximumSize(10_000).build();
	}

	/** Clears the caches now, and again once the change has committed, when no reader can bring the old back. */
	private void forgetCached() {
		Runnable clear = () -> {
			byInstagramId.invalidateAll();
			crmEndpoints.invalidateAll();
			accessTokens.invalidateAll();
			sendingAccounts.invalidateAll();
		};
		clear.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear.run();
				}
			});
		}
	}

	/** The fields of a new account; the CRM endpoint is optional, but its URL and secret go together. */
	public record NewAccount(String instagramAccountId, String username, String accessToken, String crmWebhookUrl,
			String webhookSecret) {
	}

	/** Changes to an account: null leaves a field as it is; an empty {@code crmWebhookUrl} stops forwarding. */
	public record AccountChanges(String username, String accessToken, String crmWebhookUrl, String webhookSecret,
			Boolean messagingWindowEnforced) {
	}

	@Transactional
	public AccountDetails create(Caller caller, NewAccount request) {
		if (!caller.unrestricted()) {
			throw new AccountScopeForbidden("add");
		}
		return AccountDetails.of(createAccount(request));
	}

	private Account createAccount(NewAccount request) {
		if (repository.existsByInstagramAccountId(request.instagramAccountId())) {
			throw new InstagramAccountTaken(request.instagramAccountId());
		}
		requireSecretWithUrl(request.crmWebhookUrl(), request.webhookSecret(), false);
		Account account = new Account(Ids.next("acc"), request.instagramAccountId(), request.username(),
				clock.instant());
		account.encryptedAccessToken(cipher.encrypt(request.accessToken(), Account.accessTokenContext(account.getId())));
		if (hasText(request.crmWebhookUrl())) {
			account.crmEndpoint(request.crmWebhookUrl(), encryptSecret(account, request.webhookSecret()));
		}
		try {
			Account saved = repository.saveAndFlush(account);
			forgetCached();
			return saved;
		}
		catch (DataIntegrityViolationException ex) {
			throw new InstagramAccountTaken(request.instagramAccountId());
		}
	}

	@Transactional
	public AccountDetails update(Caller caller, String accountId, AccountChanges changes) {
		Account account = accessible(caller, accountId);
		if (changes.username() != null) {
			account.rename(changes.username());
		}
		if (changes.accessToken() != null) {
			account.encryptedAccessToken(cipher.encrypt(changes.accessToken(), Account.accessTokenContext(accountId)));
		}
		if (changes.messagingWindowEnforced() != null) {
			account.enforceMessagingWindow(changes.messagingWindowEnforced());
		}
		if (changes.crmWebhookUrl() != null && changes.crmWebhookUrl().isEmpty()) {
			account.crmEndpoint(null, null);
		}
		else if (changes.crmWebhookUrl() != null || changes.webhookSecret() != null) {
			String url = changes.crmWebhookUrl() != null ? changes.crmWebhookUrl() : account.getCrmWebhookUrl();
			if (url == null) {
				throw new InvalidRequest("crm_webhook_url", "is needed with webhook_secret: the account has no CRM URL");
			}
			boolean keepsSecret = account.getWebhookSecret() != null;
			requireSecretWithUrl(url, changes.webhookSecret(), keepsSecret);
			byte[] secret = changes.webhookSecret() != null ? encryptSecret(account, changes.webhookSecret())
					: account.getWebhookSecret();
			account.crmEndpoint(url, secret);
		}
		account.touched(clock.instant());
		forgetCached();
		return AccountDetails.of(account);
	}

	@Transactional
	public void delete(Caller caller, String accountId) {
		if (!caller.unrestricted()) {
			throw new AccountScopeForbidden("remove");
		}
		Account account = accessible(caller, accountId);
		repository.delete(account);
		forgetCached();
		events.publishEvent(new AccountDeleted(account.getId(), account.getInstagramAccountId()));
	}

	@Transactional(readOnly = true)
	public AccountDetails get(Caller caller, String accountId) {
		return AccountDetails.of(accessible(caller, accountId));
	}

	/** The accounts the caller may use, oldest first, after the id {@code after} (null for the first page). */
	@Transactional(readOnly = true)
	public List<AccountDetails> list(Caller caller, String after, int limit) {
		String from = after == null ? "" : after;
		if (!caller.unrestricted() && caller.accountIds().isEmpty()) {
			return List.of();
		}
		List<Account> found = caller.unrestricted() ? repository.findByIdGreaterThanOrderByIdAsc(from, Limit.of(limit))
				: repository.findByIdInAndIdGreaterThanOrderByIdAsc(caller.accountIds(), from, Limit.of(limit));
		return found.stream().map(AccountDetails::of).toList();
	}

	/** The account if the caller's key may use it; otherwise it looks absent. */
	@Transactional(readOnly = true)
	public AccountSummary requireAccessible(Caller caller, String accountId) {
		return summaryOf(accessible(caller, accountId));
	}

	public Optional<AccountSummary> findByInstagramAccountId(String instagramAccountId) {
		return byInstagramId.get(instagramAccountId,
				id -> repository.findByInstagramAccountId(id).map(Accounts::summaryOf));
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(String accountId) {
		return repository.findById(accountId).map(Accounts::summaryOf);
	}

	/** Where the account's events are forwarded, with the decrypted signing secret; empty when it has no CRM. */
	public Optional<CrmEndpoint> crmEndpoint(String accountId) {
		return crmEndpoints.get(accountId, id -> repository.findById(id)
			.filter(account -> account.getCrmWebhookUrl() != null && account.getWebhookSecret() != null)
			.map(account -> new CrmEndpoint(account.getCrmWebhookUrl(),
					cipher.decrypt(account.getWebhookSecret(), Account.webhookSecretContext(id)))));
	}

	/**
	 * Refuses (as absent) an account the caller may not use or that does not exist, from the cache that sending
	 * reads anyway: the send API's check, without a query of its own.
	 */
	public void requireSendable(Caller caller, String accountId) {
		if (!caller.canAccess(accountId)) {
			throw new UnknownAccount(accountId);
		}
		sendingAccount(accountId);
	}

	/** What sending for an account needs: its token, whether the token still works, and the window rule. */
	public SendingAccount sendingAccount(String accountId) {
		return sendingAccounts.get(accountId, id -> {
			Account account = repository.findById(id).orElseThrow(() -> new UnknownAccount(id));
			return new SendingAccount(id, account.getInstagramAccountId(),
					cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(id)),
					Account.TOKEN_VALID.equals(account.getTokenStatus()), account.getTokenError(),
					account.isMessagingWindowEnforced());
		});
	}

	/** Records that Meta rejected the account's token: sends are refused until a new token is set. */
	@Transactional
	public void markTokenInvalid(String accountId, String error) {
		repository.findById(accountId).ifPresent(account -> {
			account.tokenRejected(error);
			account.touched(clock.instant());
			forgetCached();
		});
	}

	/** An account as connected through Instagram Login; {@code created} when it was new. */
	public record Connected(String id, String instagramAccountId, String username, Instant tokenExpiresAt,
			boolean created) {
	}

	/**
	 * Adds the account an Instagram user connected, or gives the existing one its new token and username.
	 */
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
		forgetCached();
		return new Connected(account.getId(), instagramAccountId, username, expiresAt, existing.isEmpty());
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
	@Transactional
	public void tokenRefreshed(String accountId, String accessToken, Instant issuedAt, Instant expiresAt) {
		repository.findById(accountId).ifPresent(account -> {
			account.encryptedAccessToken(cipher.encrypt(accessToken, Account.accessTokenContext(accountId)), issuedAt,
					expiresAt);
			account.touched(clock.instant());
			forgetCached();
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

	/** The account's decrypted Instagram access token, for calls to the Graph API. */
	public String accessToken(String accountId) {
		return accessTokens.get(accountId, id -> {
			Account account = repository.findById(id).orElseThrow(() -> new UnknownAccount(id));
			return cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(id));
		});
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String accountId) {
		return repository.existsById(accountId);
	}

	/** Creates the account configured through the environment, or brings its token and CRM endpoint up to date. */
	@Transactional
	void upsertFromEnvironment(NewAccount configured) {
		Optional<Account> existing = repository.findByInstagramAccountId(configured.instagramAccountId());
		if (existing.isEmpty()) {
			createAccount(configured);
			return;
		}
		Account account = existing.get();
		account.encryptedAccessToken(
				cipher.encrypt(configured.accessToken(), Account.accessTokenContext(account.getId())));
		if (hasText(configured.crmWebhookUrl()) && hasText(configured.webhookSecret())) {
			account.crmEndpoint(configured.crmWebhookUrl(), encryptSecret(account, configured.webhookSecret()));
		}
		account.touched(clock.instant());
		forgetCached();
	}

	private Account accessible(Caller caller, String accountId) {
		if (!caller.canAccess(accountId)) {
			throw new UnknownAccount(accountId);
		}
		return repository.findById(accountId).orElseThrow(() -> new UnknownAccount(accountId));
	}

	private byte[] encryptSecret(Account account, String secret) {
		return cipher.encrypt(secret, Account.webhookSecretContext(account.getId()));
	}

	private static void requireSecretWithUrl(String url, String secret, boolean hasStoredSecret) {
		if (hasText(url) && !hasText(secret) && !hasStoredSecret) {
			throw new InvalidRequest("webhook_secret",
					"is required with crm_webhook_url: the CRM uses it to check that events come from this service");
		}
		if (!hasText(url) && hasText(secret)) {
			throw new InvalidRequest("crm_webhook_url", "is needed with webhook_secret");
		}
	}

	static AccountSummary summaryOf(Account account) {
		return new AccountSummary(account.getId(), account.getInstagramAccountId(), account.getUsername(),
				account.getCrmWebhookUrl() != null && account.getWebhookSecret() != null);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
