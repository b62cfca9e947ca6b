package dev.igautomation.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.system.ProblemException;

/**
 * A service's refusal as field name (as the form names it) to message, for the few forms that are not bound to an
 * object; {@code ""} holds what names no field. {@link FormErrors} does the same for bound forms.
 */
final class FieldProblems {

	private FieldProblems() {
	}

	static Map<String, String> of(ProblemException problem) {
		Map<String, String> errors = new HashMap<>();
		Object listed = problem.getBody().getProperties() == null ? null
				: problem.getBody().getProperties().get("errors");
		if (listed instanceof List<?> list) {
			for (Object error : list) {
				if (error instanceof Map<?, ?> map) {
					errors.put(FormErrors.camelCase(String.valueOf(map.get("field"))),
							String.valueOf(map.get("message")));
				}
			}
		}
		if (errors.isEmpty()) {
			errors.put("", problem.getBody().getDetail());
		}
		return errors;
	}

}
