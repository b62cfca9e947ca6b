package dev.igautomation.outbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No sent message has this id, or the caller's key may not see it. */
class UnknownOutboundMessage extends ProblemException {

	UnknownOutboundMessage(String id) {
		super(HttpStatus.NOT_FOUND, "message_not_found", "Message not found",
				"There is no message '%s' that this API key may see.".formatted(id));
	}

}
