package dev.igautomation.inbox;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The account has no conversation with this user, or the caller may not see the account. */
public class UnknownConversation extends ProblemException {

	UnknownConversation(String accountId, String userId) {
		super(HttpStatus.NOT_FOUND, "conversation_not_found", "Conversation not found",
				"Account '%s' has no conversation with user '%s'. GET /api/v1/accounts/%s/conversations lists them."
					.formatted(accountId, userId, accountId));
	}

}
