package dev.igautomation.system;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside the controllers (the servlet container, filters, the firewall) with the same
 * {@code application/problem+json} shape as every other error. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping("${spring.web.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		ProblemDetail problem = Problems.problem(status, Problems.codeFor(status), Problems.titleFor(status),
				detailFor(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static String detailFor(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be understood; check the URL, headers and body.";
			case NOT_FOUND -> "There is nothing at this address; see /docs for the API.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case INTERNAL_SERVER_ERROR -> "The service could not complete the request.";
			default -> status.getReasonPhrase() + ".";
		};
	}

}
