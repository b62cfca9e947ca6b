package dev.igautomation.account;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Another account already has this Instagram account id. */
class InstagramAccountTaken extends ProblemException {

	InstagramAccountTaken(String instagramAccountId) {
		super(HttpStatus.CONFLICT, "instagram_account_taken", "Instagram account already added",
				("An account for Instagram account %s already exists. Update it with PATCH /api/v1/accounts/{id} "
						+ "instead of adding it again.").formatted(instagramAccountId));
		with("instagram_account_id", instagramAccountId);
	}

}
