package dev.igautomation.outbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The service cannot take sends right now (the database is not answering, or far too much is waiting). */
class SendsUnavailable extends ProblemException {

	SendsUnavailable(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "sends_unavailable", "Sends not taken", detail);
	}

}
