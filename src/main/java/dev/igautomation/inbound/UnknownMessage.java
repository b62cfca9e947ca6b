package dev.igautomation.inbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No message of the account has this mid. */
class UnknownMessage extends ProblemException {

	UnknownMessage(String mid) {
		super(HttpStatus.NOT_FOUND, "message_not_found", "Message not found",
				"The account has no message with message id '%s'.".formatted(mid));
	}

}
