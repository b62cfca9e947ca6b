package dev.igautomation.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query string that the servlet container cannot parse (an empty parameter name as in {@code ?=x}, a bad
 * percent-escape as in {@code ?a=%zz}, too many parameters) with 400, on every route, before anything else reads
 * it. Tomcat parses parameters lazily and throws on the first read, wherever that is (a filter, the actuator, a
 * controller's {@code @RequestParam}): left alone, that is a 500 with a long stack trace that any anonymous caller
 * could repeat to flood the log. Parsing once here costs nothing extra, as the container keeps the result. A form
 * body is left to the controller that reads it ({@link ApiExceptionHandler} answers 400 there too), so that nothing
 * here consumes a body. An empty {@code limit=} is refused here too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedQueryFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	MalformedQueryFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getQueryString() != null && !hasFormBody(request)) {
			ProblemDetail problem;
			try {
				problem = emptyLimit(request.getParameterValues("limit"));
			}
			catch (IllegalStateException ex) {
				problem = malformedQuery();
			}
			if (problem != null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				json.writeValue(response.getOutputStream(), problem);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * {@code limit=} (empty): Spring would take it for the default page size, as if absent, which is not what the
	 * caller wrote nor what the OpenAPI document (an integer from 1 to 100) allows.
	 */
	private static ProblemDetail emptyLimit(String[] values) {
		if (values == null || java.util.Arrays.stream(values).noneMatch(String::isBlank)) {
			return null;
		}
		return Problems.problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid parameter",
				"Parameter 'limit' is empty: leave it out for the default page size, or give a number from 1 to 100.");
	}

	static ProblemDetail malformedQuery() {
		return Problems.problem(HttpStatus.BAD_REQUEST, "malformed_query", "Malformed query string",
				"The query string could not be read: every parameter needs a name (name=value), and '%' must start "
						+ "a valid percent-escape of UTF-8 (e.g. %20).");
	}

	private static boolean hasFormBody(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

}
