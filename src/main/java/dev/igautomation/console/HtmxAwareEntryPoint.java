package dev.igautomation.console;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a person who is not logged in to the login page. For an htmx request (whose answer would be swapped into a
 * part of the page) it answers 401 with {@code HX-Redirect}, so htmx loads the login page as a whole page instead.
 */
class HtmxAwareEntryPoint extends LoginUrlAuthenticationEntryPoint {

	HtmxAwareEntryPoint(String loginPage) {
		super(loginPage);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", getLoginFormUrl());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		super.commence(request, response, exception);
	}

}
