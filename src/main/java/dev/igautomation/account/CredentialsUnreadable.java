package dev.igautomation.account;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A stored credential does not decrypt with the configured {@code APP_ENCRYPTION_KEY}: the key was changed or lost.
 * Nothing the caller sends can fix it, so it is a 503 that names what the operator must do.
 */
public class CredentialsUnreadable extends ProblemException {

	static final String EXPLANATION = "The stored credentials cannot be read with the configured APP_ENCRYPTION_KEY: "
			+ "was the key changed, or ./data/encryption.key lost? Set APP_ENCRYPTION_KEY to the key they were "
			+ "written with (to rotate, the new key first, then the old one, comma-separated), or set each "
			+ "account's access_token and webhook_secret again.";

	CredentialsUnreadable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "credentials_unreadable", "Stored credentials unreadable", EXPLANATION);
	}

}
