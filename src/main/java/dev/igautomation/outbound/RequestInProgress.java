package dev.igautomation.outbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The first request with this idempotency key has not been answered yet. */
class RequestInProgress extends ProblemException {

	RequestInProgress(String key) {
		super(HttpStatus.CONFLICT, "request_in_progress", "Request in progress",
				"A request with idempotency key '%s' is still being processed. Retry in a moment to get its result."
					.formatted(key));
		getHeaders().set("Retry-After", "1");
	}

}
