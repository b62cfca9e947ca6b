package dev.igautomation.outbound;

import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Meta refused a sender action, or did not answer; its error is passed on. */
class SenderActionRefused extends ProblemException {

	SenderActionRefused(GraphApiException error) {
		super(HttpStatus.BAD_GATEWAY, "sender_action_failed", "Sender action failed",
				"The Graph API did not show the action: " + error.getMessage()
						+ (error.kind() == GraphApiException.Kind.TRANSIENT ? " It may work if sent again." : ""));
		with("error_code", error.code());
		with("error_subcode", error.subcode());
		with("fbtrace_id", error.fbtraceId());
	}

}
