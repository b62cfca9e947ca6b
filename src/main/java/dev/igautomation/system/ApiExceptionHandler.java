package dev.igautomation.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches a controller into an {@code application/problem+json} answer with a stable
 * {@code type} and {@code code}: the framework's own (400, 404, 405, 415...), the features' {@link ProblemException}s,
 * and anything unexpected as a 500 that shows no internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.forEach(error -> errors.add(Map.of("field", jsonName(error.getField()), "message", messageOf(error))));
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
		return validationProblem(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> Map.of("field", jsonName(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return validationProblem(errors, headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Map<String, String>> errors = ex.getConstraintViolations().stream()
			.map(violation -> Map.of("field", jsonName(lastNode(violation.getPropertyPath().toString())),
					"message", violation.getMessage()))
			.toList();
		return validationProblem(errors, new HttpHeaders(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		Class<?> type = ex.getRequiredType();
		String expected;
		if (type != null && type.isEnum()) {
			expected = "one of: " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
				.collect(Collectors.joining(", "));
		}
		else {
			expected = "a valid " + (type == null ? "value" : type.getSimpleName().toLowerCase());
		}
		String detail = "Parameter '%s' has the value '%s'; it must be %s.".formatted(jsonName(ex.getName()),
				ex.getValue(), expected);
		ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid parameter", detail);
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (isBodyTooLarge(ex)) {
			ProblemDetail body = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
					"Request body too large", "The request body is larger than the service accepts.");
			return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail body = Problems.problem(status, "malformed_request", "Malformed request body",
				describeUnreadable(ex));
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	/** Tomcat's answer to a form body or query string it cannot parse, thrown when a parameter is first read. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleUnparseableParameters(InvalidParameterException ex, WebRequest request) {
		ProblemDetail body = MalformedQueryFilter.malformedQuery();
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", request.getDescription(false), ex);
		ProblemDetail body = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"Internal server error",
				"The service could not complete the request. Nothing was changed unless the answer says otherwise; "
						+ "retrying is safe for idempotent requests.");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/** Gives every framework problem a stable type and code, and keeps internals out of its detail. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		Object resolved = body;
		if (resolved == null && ex instanceof ErrorResponse errorResponse) {
			resolved = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (resolved instanceof ProblemDetail problem && !hasCode(problem)) {
			String code = Problems.codeFor(statusCode);
			problem.setType(URI.create(Problems.TYPE_PREFIX + code));
			problem.setProperty("code", code);
			if (problem.getTitle() == null) {
				problem.setTitle(Problems.titleFor(statusCode));
			}
		}
		return super.handleExceptionInternal(ex, resolved, headers, statusCode, request);
	}

	/** A framework problem has no properties at all (null), a feature's always has its {@code code}. */
	private static boolean hasCode(ProblemDetail problem) {
		return problem.getProperties() != null && problem.getProperties().containsKey("code");
	}

	private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request) {
		String summary = errors.stream()
			.map(error -> error.get("field").isEmpty() ? error.get("message")
					: error.get("field") + ": " + error.get("message"))
			.collect(Collectors.joining("; "));
		ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "validation_failed", "Validation failed",
				"Fix these fields and send the request again: " + summary);
		body.setProperty("errors", errors);
		return handleExceptionInternal(new IllegalArgumentException(summary), body, headers, HttpStatus.BAD_REQUEST,
				request);
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '%s'%s. Remove it, or check its spelling (fields are snake_case)."
				.formatted(unknown.getPropertyName(), where(unknown));
		}
		if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
			return "Field '%s' has a value of the wrong type: %s".formatted(pathOf(mismatch),
					mismatch.getOriginalMessage().split("\n")[0]);
		}
		if (cause instanceof StreamReadException malformed) {
			return "The body is not valid JSON%s: %s".formatted(where(malformed),
					malformed.getOriginalMessage().split("\n")[0]);
		}
		if (cause instanceof JacksonException jackson) {
			return "The body could not be read: " + jackson.getOriginalMessage().split("\n")[0];
		}
		return "The request body is missing or is not valid JSON.";
	}

	private static boolean isBodyTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimitFilter.BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static String where(JacksonException ex) {
		return ex.getLocation() == null ? ""
				: " (line %d, column %d)".formatted(ex.getLocation().getLineNr(), ex.getLocation().getColumnNr());
	}

	private static String pathOf(DatabindException ex) {
		return ex.getPath().stream()
			.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static String messageOf(FieldError error) {
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

	static String jsonName(String javaName) {
		return javaName == null ? "" : PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, javaName);
	}

}
