package dev.igautomation.account;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No account with this id exists, or the caller's API key may not see it. */
public class UnknownAccount extends ProblemException {

	public UnknownAccount(String accountId) {
		super(HttpStatus.NOT_FOUND, "account_not_found", "Account not found",
				"There is no account '%s' that this API key may use. GET /api/v1/accounts lists the ones it may."
					.formatted(accountId));
	}

}
