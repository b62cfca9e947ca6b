package dev.igautomation.system;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem bodies of every error answer, so that each has a stable {@code type} URI and {@code code}.
 */
public final class Problems {

	static final String TYPE_PREFIX = "urn:igautomation:problem:";

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	/** The code for an HTTP status when no more specific one applies: {@code not_found}, {@code method_not_allowed}... */
	public static String codeFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known == null ? "http_" + status.value() : known.name().toLowerCase();
	}

	public static String titleFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
	}

}
