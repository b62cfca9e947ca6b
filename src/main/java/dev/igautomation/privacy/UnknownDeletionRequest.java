package dev.igautomation.privacy;

import dev.igautomation.system.ProblemException;

import org.springframework.http.HttpStatus;

/** No data-deletion request has this confirmation code. */
class UnknownDeletionRequest extends ProblemException {

	UnknownDeletionRequest(String code) {
		super(HttpStatus.NOT_FOUND, "deletion_request_not_found", "Deletion request not found",
				"There is no data-deletion request with the confirmation code '%s'.".formatted(code));
	}

}
