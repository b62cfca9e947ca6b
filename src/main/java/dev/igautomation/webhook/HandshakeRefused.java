package dev.igautomation.webhook;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The subscription handshake did not present the configured verify token. */
class HandshakeRefused extends ProblemException {

	HandshakeRefused(String detail) {
		super(HttpStatus.FORBIDDEN, "verification_failed", "Webhook verification failed", detail);
	}

}
