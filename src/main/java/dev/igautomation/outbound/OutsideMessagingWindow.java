package dev.igautomation.outbound;

import java.time.Instant;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The user has not written recently enough for the account to message them. */
class OutsideMessagingWindow extends ProblemException {

	OutsideMessagingWindow(Instant lastUserMessageAt, Instant closedAt, boolean humanAgent) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "outside_messaging_window", "Outside the messaging window",
				detail(lastUserMessageAt, closedAt, humanAgent));
		with("last_user_message_at", lastUserMessageAt == null ? null : lastUserMessageAt.toString());
		with("window_closed_at", closedAt == null ? null : closedAt.toString());
	}

	private static String detail(Instant lastUserMessageAt, Instant closedAt, boolean humanAgent) {
		if (lastUserMessageAt == null) {
			return "This user has never written to the account, so Meta allows no message to them. The account can "
					+ "answer once they write.";
		}
		if (humanAgent) {
			return "The HUMAN_AGENT window closed at %s, 7 days after the user's last message (%s). The account can "
				.formatted(closedAt, lastUserMessageAt) + "message them again once they write.";
		}
		return ("The 24-hour messaging window closed at %s (the user's last message was at %s). A person may still "
				+ "answer within 7 days with \"tag\": \"HUMAN_AGENT\".").formatted(closedAt, lastUserMessageAt);
	}

}
