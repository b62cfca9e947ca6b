package dev.igautomation.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.igautomation.security.AccountDirectory;
import dev.igautomation.security.Caller;
import dev.igautomation.system.DurableEvents;
import dev.igautomation.system.Ids;
import dev.igautomation.system.InvalidRequest;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts the service works for: the one way to add, change, remove and read them. What the event path asks
 * for on every event (an account by its Instagram id) is cached, as are its credentials ({@link AccountCredentials}):
 * every change here clears those caches once it commits; other instances sharing the database see a change within
 * their 30 seconds.
 */
@Service
public class Accounts implements AccountDirectory {

	private final AccountRepository repository;

	private final CredentialCipher cipher;

	private final ApplicationEventPublisher events;

	private final DurableEvents durableEvents;

	private final AccountCredentials credentials;

	private final Clock clock;

	Accounts(AccountRepository repository, CredentialCipher cipher, ApplicationEventPublisher events,
			DurableEvents durableEvents, AccountCredentials credentials, Clock clock) {
		this.credentials = credentials;
		this.repository = repository;
		this.cipher = cipher;
		this.events = events;
		this.durableEvents = durableEvents;
		this.clock = clock;
	}

	/** The fields of a new account; the CRM endpoint is optional, but its URL and secret go together. */
	public record NewAccount(String instagramAccountId, String username, String accessToken, String crmWebhookUrl,
			String webhookSecret, Boolean forwardImported) {
	}

	/** Changes to an account: null leaves a field as it is; an empty {@code crmWebhookUrl} stops forwarding. */
	public record AccountChanges(String username, String accessToken, String crmWebhookUrl, String webhookSecret,
			Boolean messagingWindowEnforced, Boolean forwardImported) {
	}

	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
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
		if (request.forwardImported() != null) {
			account.forwardImported(request.forwardImported());
		}
		try {
			Account saved = repository.saveAndFlush(account);
			tokenSet(saved.getId());
			return saved;
		}
		catch (DataIntegrityViolationException ex) {
			throw new InstagramAccountTaken(request.instagramAccountId());
		}
	}

	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	public AccountDetails update(Caller caller, String accountId, AccountChanges changes) {
		Account account = accessible(caller, accountId);
		if (changes.username() != null) {
			account.rename(changes.username());
		}
		if (changes.accessToken() != null) {
			account.encryptedAccessToken(cipher.encrypt(changes.accessToken(), Account.accessTokenContext(accountId)));
			tokenSet(accountId);
		}
		if (changes.messagingWindowEnforced() != null) {
			account.enforceMessagingWindow(changes.messagingWindowEnforced());
		}
		if (changes.forwardImported() != null) {
			account.forwardImported(changes.forwardImported());
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
		return AccountDetails.of(account);
	}

	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	public void delete(Caller caller, String accountId) {
		if (!caller.unrestricted()) {
			throw new AccountScopeForbidden("remove");
		}
		Account account = accessible(caller, accountId);
		repository.delete(account);
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

	@Cacheable(AccountCaches.BY_INSTAGRAM_ID)
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByInstagramAccountId(String instagramAccountId) {
		return repository.findByInstagramAccountId(instagramAccountId).map(Accounts::summaryOf);
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(String accountId) {
		return repository.findById(accountId).map(Accounts::summaryOf);
	}

	/**
	 * Refuses (as absent) an account the caller may not use or that does not exist, from the cache that sending
	 * reads anyway: the send API's check, without a query of its own.
	 */
	public void requireSendable(Caller caller, String accountId) {
		if (!caller.canAccess(accountId)) {
			throw new UnknownAccount(accountId);
		}
		credentials.sendingAccount(accountId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String accountId) {
		return repository.existsById(accountId);
	}

	/** Creates the account configured through the environment, or brings its token and CRM endpoint up to date. */
	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	void upsertFromEnvironment(NewAccount configured) {
		Optional<Account> existing = repository.findByInstagramAccountId(configured.instagramAccountId());
		if (existing.isEmpty()) {
			createAccount(configured);
			return;
		}
		Account account = existing.get();
		if (!configured.accessToken()
			.equals(cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(account.getId())))) {
			account.encryptedAccessToken(
					cipher.encrypt(configured.accessToken(), Account.accessTokenContext(account.getId())));
			tokenSet(account.getId());
		}
		if (hasText(configured.crmWebhookUrl()) && hasText(configured.webhookSecret())) {
			account.crmEndpoint(configured.crmWebhookUrl(), encryptSecret(account, configured.webhookSecret()));
		}
		account.touched(clock.instant());
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
				account.getCrmWebhookUrl() != null && account.getWebhookSecret() != null, account.isForwardImported());
	}

	private void tokenSet(String accountId) {
		publishTokenSet(durableEvents, accountId);
	}

	/** Tells the features that react to a new token (the history import, say) that the account has one. */
	static void publishTokenSet(DurableEvents durableEvents, String accountId) {
		durableEvents.publish(new AccessTokenSet(accountId), accountId + ":" + Ids.next("tok"));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
