package dev.igautomation.account;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A key limited to some accounts tried to add or remove an account. */
class AccountScopeForbidden extends ProblemException {

	AccountScopeForbidden(String action) {
		super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"This API key is limited to some accounts, so it may not %s accounts; use a key for every account."
					.formatted(action));
	}

}
