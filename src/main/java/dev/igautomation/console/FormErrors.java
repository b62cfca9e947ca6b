package dev.igautomation.console;

import java.util.List;
import java.util.Map;

import dev.igautomation.system.ProblemException;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's refusal next to the form field it names. The services refuse with the same problems the API
 * answers, naming fields as the API spells them ({@code webhook_secret}); forms name them in Java
 * ({@code webhookSecret}). A refusal naming no field of the form is shown above it.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult form, ProblemException problem) {
		Object errors = problem.getBody().getProperties() == null ? null
				: problem.getBody().getProperties().get("errors");
		if (errors instanceof List<?> list && !list.isEmpty()) {
			for (Object error : list) {
				if (error instanceof Map<?, ?> map) {
					rejectField(form, String.valueOf(map.get("field")), String.valueOf(map.get("message")));
				}
			}
			return;
		}
		form.reject(problem.code(), problem.getBody().getDetail());
	}

	static void rejectField(BindingResult form, String apiField, String message) {
		String field = camelCase(apiField);
		if (!field.isEmpty() && form.getFieldType(field) != null) {
			form.rejectValue(field, "invalid", message);
		}
		else {
			form.reject("invalid", apiField.isEmpty() ? message : apiField + " " + message);
		}
	}

	static String camelCase(String snake) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : snake.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
