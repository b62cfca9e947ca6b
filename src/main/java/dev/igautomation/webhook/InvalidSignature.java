package dev.igautomation.webhook;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook body whose signature is missing or does not match: nothing of it is stored. */
class InvalidSignature extends ProblemException {

	InvalidSignature(String detail) {
		super(HttpStatus.UNAUTHORIZED, "invalid_signature", "Invalid webhook signature", detail);
	}

}
