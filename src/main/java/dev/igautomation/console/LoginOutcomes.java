package dev.igautomation.console;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.igautomation.operator.LoginThrottle;
import dev.igautomation.operator.Operators;
import dev.igautomation.operator.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * What follows a login attempt: a success records the operator's last login and clears the email's failures; a
 * failure is counted, and the one that locks the email or the address answers 429 at once. Every failure says the
 * same ("wrong email or password"), so the page tells nothing of which emails exist.
 */
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final Operators operators;

	LoginOutcomes(LoginThrottle throttle, Operators operators) {
		this.throttle = throttle;
		this.operators = operators;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		SignedIn signedIn = (SignedIn) authentication.getPrincipal();
		throttle.succeeded(signedIn.getUsername());
		operators.loggedIn(signedIn.operatorId());
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		Optional<Duration> locked = throttle.failed(request.getParameter("username"), request.getRemoteAddr());
		if (locked.isPresent()) {
			LockedLoginFilter.showLocked(request, response, locked.get());
			return;
		}
		getRedirectStrategy().sendRedirect(request, response, "/login?error");
	}

}
