package dev.igautomation.console;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.igautomation.operator.LoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login for an email or from an address that is locked, before its password is checked: the answer is the
 * login page saying so, with status 429 and {@code Retry-After}.
 */
class LockedLoginFilter extends OncePerRequestFilter {

	static final String LOCKED_PAGE = "/login/locked";

	static final String RETRY_AFTER = LockedLoginFilter.class.getName() + ".retryAfter";

	private final LoginThrottle throttle;

	LockedLoginFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> locked = throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr());
		if (locked.isPresent()) {
			showLocked(request, response, locked.get());
			return;
		}
		chain.doFilter(request, response);
	}

	static void showLocked(HttpServletRequest request, HttpServletResponse response, Duration lockedFor)
			throws ServletException, IOException {
		request.setAttribute(RETRY_AFTER, Math.max(1, lockedFor.toSeconds()));
		request.getRequestDispatcher(LOCKED_PAGE).forward(request, response);
	}

}
