package dev.igautomation.security;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No live API key has this id. */
class UnknownApiKey extends ProblemException {

	UnknownApiKey(String id) {
		super(HttpStatus.NOT_FOUND, "api_key_not_found", "API key not found",
				"There is no API key '%s', or it was already revoked. GET /api/v1/api-keys lists the live ones."
					.formatted(id));
	}

}
