package dev.igautomation.entrypoint;

import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** Meta refused to remove an entry point (or did not answer): it is still shown to users, and still stored here. */
class EntryPointNotRemoved extends ProblemException {

	EntryPointNotRemoved(EntryPoints.Kind kind, GraphApiException error) {
		super(HttpStatus.BAD_GATEWAY, "entry_point_not_removed", "Entry point not removed",
				"Meta did not remove the " + kind.field().replace('_', ' ') + ": " + error.getMessage()
						+ " It is still set, here and at Meta; try again.");
		with("error_code", error.code());
	}

}
