package dev.igautomation.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.operator.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For every console page: the operator signed in, read fresh from the database as {@code me} (one who was disabled
 * since is logged out), and errors shown as a page rather than the API's problem documents. Ordered before the API's
 * handler, and limited to this package, so the API keeps its own answers.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	/** Looked up when first needed, so that slices of the application without operators (@WebMvcTest) still start. */
	private final ObjectProvider<Operators> operators;

	ConsoleAdvice(ObjectProvider<Operators> operators) {
		this.operators = operators;
	}

	@ModelAttribute("me")
	Operator me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn signedIn)) {
			return null;
		}
		return operators.getObject().find(signedIn.operatorId()).filter(Operator::enabled).orElseThrow(SignedOut::new);
	}

	@ExceptionHandler(SignedOut.class)
	String signedOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login";
	}

	/** A live stream whose browser went away (a page left, a tab closed): nothing to answer, nothing to log. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected() {
	}

	/**
	 * A refusal the caller can act on (a {@code ProblemException}, or the framework's own 4xx) is shown as it is; an
	 * unexpected failure is logged and shown as a 500 that tells nothing of the internals.
	 */
	@ExceptionHandler(Exception.class)
	String failed(Exception exception, HttpServletRequest request, HttpServletResponse response, Model model) {
		int status = 500;
		String title = "Something went wrong";
		String detail = "The service could not complete this. Nothing was changed unless the page says otherwise.";
		if (exception instanceof ErrorResponse refusal && refusal.getStatusCode().value() < 500) {
			status = refusal.getStatusCode().value();
			title = refusal.getBody().getTitle();
			detail = refusal.getBody().getDetail();
		}
		else {
			log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), exception);
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("title", title);
		model.addAttribute("detail", detail);
		model.addAttribute("me", SecurityContextHolder.getContext().getAuthentication() == null ? null : safeMe());
		return "error/page";
	}

	private Operator safeMe() {
		try {
			return me();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The operator's row is gone or disabled: their session ends. */
	static class SignedOut extends RuntimeException {

		SignedOut() {
			super("The operator was disabled or removed", null, false, false);
		}

	}

}
