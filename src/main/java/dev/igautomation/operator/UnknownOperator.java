package dev.igautomation.operator;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No operator has this id. */
class UnknownOperator extends ProblemException {

	UnknownOperator(String id) {
		super(HttpStatus.NOT_FOUND, "operator_not_found", "Operator not found",
				"There is no operator '%s'.".formatted(id));
	}

}
