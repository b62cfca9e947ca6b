package dev.igautomation.autoreply;

import dev.igautomation.system.ProblemException;

import org.springframework.http.HttpStatus;

/** The account has no rule with this id, or the caller's key may not see the account. */
class UnknownRule extends ProblemException {

	UnknownRule(String id) {
		super(HttpStatus.NOT_FOUND, "rule_not_found", "Rule not found",
				"The account has no auto-reply rule '%s'.".formatted(id));
	}

}
