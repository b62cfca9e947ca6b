package dev.igautomation.privacy;

import dev.igautomation.system.ProblemException;

import org.springframework.http.HttpStatus;

/** A data-deletion request not signed by Meta with the app secret: nothing is deleted. */
class InvalidSignedRequest extends ProblemException {

	InvalidSignedRequest(String detail) {
		super(HttpStatus.UNAUTHORIZED, "invalid_signed_request", "Invalid signed request", detail);
	}

}
