package dev.igautomation.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Writes the 401 and 403 answers of the security filters in the same problem shape as every other error.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, exception) -> {
			boolean badKey = exception instanceof BadCredentialsException;
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					badKey ? "Bearer error=\"invalid_token\"" : "Bearer");
			String detail = badKey ? exception.getMessage()
					: "This endpoint needs an API key: send it as 'Authorization: Bearer <api key>'.";
			write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
		};
	}

	AccessDeniedHandler accessDeniedHandler() {
		return (request, response, exception) -> write(response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden",
				"Forbidden", "This API key may not do this: managing API keys needs an admin key."));
	}

	void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, int perSecond) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests",
				"This API key made more than %d requests per second. Retry after %d s."
					.formatted(perSecond, retryAfterSeconds)));
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
