package dev.igautomation.entrypoint;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No ice breakers, or no persistent menu, is set for the account. */
class UnknownEntryPoint extends ProblemException {

	UnknownEntryPoint(EntryPoints.Kind kind) {
		super(HttpStatus.NOT_FOUND, "entry_point_not_found", "Entry point not found",
				"No " + kind.field().replace('_', ' ') + " are set for this account: set them with PUT first.");
	}

}
