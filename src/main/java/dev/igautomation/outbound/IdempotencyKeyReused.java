package dev.igautomation.outbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** An idempotency key came back with a request other than the one it was first used for. */
class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused(String key, String messageId) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused", "Idempotency key reused",
				("Idempotency key '%s' was used for a different request (message %s). Use a new key for a new message; "
						+ "send a key again only to retry the very same request.").formatted(key, messageId));
		with("message_id", messageId);
	}

}
