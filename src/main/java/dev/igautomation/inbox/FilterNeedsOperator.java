package dev.igautomation.inbox;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code filter=assigned_to_me} was asked by an API key, which is no operator. */
class FilterNeedsOperator extends ProblemException {

	FilterNeedsOperator() {
		super(HttpStatus.BAD_REQUEST, "filter_needs_operator", "Filter needs an operator",
				"filter=assigned_to_me lists the conversations assigned to the operator asking; an API key is no "
						+ "operator. Use assignee_id=<operator id> instead.");
	}

}
