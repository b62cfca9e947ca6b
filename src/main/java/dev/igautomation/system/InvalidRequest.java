package dev.igautomation.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request whose fields are each well-formed but do not fit together (or with what is stored); answered like any
 * other validation failure, naming the field.
 */
public class InvalidRequest extends ProblemException {

	public InvalidRequest(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "validation_failed", "Validation failed",
				"Fix these fields and send the request again: " + field + ": " + message);
		with("errors", List.of(Map.of("field", field, "message", message)));
	}

}
