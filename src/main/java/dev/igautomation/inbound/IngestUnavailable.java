package dev.igautomation.inbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Events could not be stored in time: nothing was acknowledged, so the sender should send them again. */
class IngestUnavailable extends ProblemException {

	IngestUnavailable(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "ingest_unavailable", "Events not stored", detail);
	}

}
