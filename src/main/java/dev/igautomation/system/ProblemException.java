package dev.igautomation.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every domain exception that reaches a caller: carries an RFC 9457 problem with a stable {@code type} and
 * {@code code}, and a detail that says what to fix. Feature exceptions extend it and are named as facts
 * ({@code UnknownAccount}, {@code IdempotencyKeyReused}).
 */
public abstract class ProblemException extends ErrorResponseException {

	protected ProblemException(HttpStatus status, String code, String title, String detail) {
		super(status, Problems.problem(status, code, title, detail), null);
	}

	/** Adds a member to the problem body, for callers that act on it (e.g. {@code window_closed_at}). */
	protected final void with(String name, Object value) {
		getBody().setProperty(name, value);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/** The stable machine-readable code, also the last segment of the problem {@code type}. */
	public String code() {
		return (String) getBody().getProperties().get("code");
	}

}
