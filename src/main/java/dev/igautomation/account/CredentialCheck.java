package dev.igautomation.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.system.MissingSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that the newest stored credential decrypts with the configured key, so a changed or lost
 * {@code APP_ENCRYPTION_KEY} is found before the first send fails. In production the service then refuses to start;
 * elsewhere it starts (the API can still set new credentials) and {@code /health} is DOWN with the reason.
 */
@Component("credentials")
class CredentialCheck implements ApplicationRunner, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(CredentialCheck.class);

	private final AccountRepository accounts;

	private final CredentialCipher cipher;

	private final boolean production;

	private volatile boolean readable = true;

	CredentialCheck(AccountRepository accounts, CredentialCipher cipher,
			@Value("${app.environment:development}") String environment) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.production = "production".equalsIgnoreCase(environment);
	}

	@Override
	public void run(ApplicationArguments arguments) {
		check();
	}

	void check() {
		readable = accounts.findFirstByOrderByUpdatedAtDesc().map(this::decrypts).orElse(true);
		if (readable) {
			return;
		}
		if (production) {
			throw new MissingSettings(List.of("APP_ENCRYPTION_KEY (or app.security.encryption-key): "
					+ CredentialsUnreadable.EXPLANATION));
		}
		log.error("{} Until then, sends answer 503 credentials_unreadable and /health is DOWN.",
				CredentialsUnreadable.EXPLANATION);
	}

	private boolean decrypts(Account account) {
		try {
			cipher.decrypt(account.getAccessToken(), Account.accessTokenContext(account.getId()));
			if (account.getWebhookSecret() != null) {
				cipher.decrypt(account.getWebhookSecret(), Account.webhookSecretContext(account.getId()));
			}
			return true;
		}
		catch (CredentialsUnreadable ex) {
			return false;
		}
	}

	@Override
	public Health health() {
		return readable ? Health.up().build()
				: Health.down().withDetail("reason", CredentialsUnreadable.EXPLANATION).build();
	}

}
