package dev.igautomation.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What calling Meta and the CRM for an account needs, decrypted: its token and whether it still works, and its CRM
 * endpoint with the signing secret. Read on every event and every send, so cached (see {@link AccountCaches}).
 */
@Service
public class AccountCredentials {

	private final AccountRepository repository;

	private final CredentialCipher cipher;

	private final Clock clock;

	AccountCredentials(AccountRepository repository, CredentialCipher cipher, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** What sending for an account needs: its token, whether the token still works, and the window rule. */
	@Cacheable(AccountCaches.SENDING)
	@Transactional(readOnly = true)
	public SendingAccount sendingAccount(String accountId) {
		Account account = repository.findById(accountId).orElseThrow(() -> new UnknownAccount(accountId));
		return new SendingAccount(accountId, account.getInstagramAccountId(),
				cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(accountId)),
				Account.TOKEN_VALID.equals(account.getTokenStatus()), account.getTokenError(),
				account.isMessagingWindowEnforced());
	}

	/** Where the account's events are forwarded, with the decrypted signing secret; empty when it has no CRM. */
	@Cacheable(AccountCaches.CRM_ENDPOINTS)
	@Transactional(readOnly = true)
	public Optional<CrmEndpoint> crmEndpoint(String accountId) {
		return repository.findById(accountId)
			.filter(account -> account.getCrmWebhookUrl() != null && account.getWebhookSecret() != null)
			.map(account -> new CrmEndpoint(account.getCrmWebhookUrl(),
					cipher.decrypt(account.getWebhookSecret(), Account.webhookSecretContext(accountId))));
	}

	/** Records that Meta rejected the account's token: sends are refused until a new token is set. */
	@CacheEvict(cacheNames = { AccountCaches.BY_INSTAGRAM_ID, AccountCaches.SENDING, AccountCaches.CRM_ENDPOINTS },
			allEntries = true)
	@Transactional
	public void markTokenInvalid(String accountId, String error) {
		repository.findById(accountId).ifPresent(account -> {
			account.tokenRejected(error);
			account.touched(clock.instant());
		});
	}

}
