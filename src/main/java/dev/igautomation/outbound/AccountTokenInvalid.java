package dev.igautomation.outbound;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Meta rejected the account's access token; nothing can be sent until it is replaced. */
class AccountTokenInvalid extends ProblemException {

	AccountTokenInvalid(String accountId, String error) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "account_token_invalid", "Account token invalid",
				("Meta rejected the access token of account %s%s. Set a new one with PATCH /api/v1/accounts/%s "
						+ "{\"access_token\": ...}; sends are refused until then.")
					.formatted(accountId, error == null ? "" : " (" + error + ")", accountId));
	}

}
