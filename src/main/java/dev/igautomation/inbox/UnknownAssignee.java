package dev.igautomation.inbox;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The operator to assign does not exist, is disabled, or may not work on the account. */
class UnknownAssignee extends ProblemException {

	UnknownAssignee(String operatorId, String accountId) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_assignee", "Unknown assignee",
				"'%s' is not an enabled operator who may work on account '%s'. Assign an operator of the account, or "
					.formatted(operatorId, accountId) + "send null to unassign.");
	}

}
