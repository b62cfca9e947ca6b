package dev.igautomation.webhook;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A correctly signed webhook body that is not JSON. */
class MalformedPayload extends ProblemException {

	MalformedPayload(String detail) {
		super(HttpStatus.BAD_REQUEST, "malformed_payload", "Malformed webhook body", detail);
	}

}
