package dev.igautomation.security;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The scope asked for a new key cannot be given. */
class InvalidKeyScope extends ProblemException {

	InvalidKeyScope(String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid_key_scope", "Invalid key scope", detail);
	}

}
