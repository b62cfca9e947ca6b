package dev.igautomation.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. A request without the header goes on unauthenticated (and
 * is refused later if it needs a key); one with a wrong or revoked key is refused here.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeys apiKeys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
		this.apiKeys = apiKeys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			entryPoint.commence(request, response, new BadCredentialsException(
					"The Authorization header must be 'Bearer <api key>'."));
			return;
		}
		Optional<ApiKeyPrincipal> principal = apiKeys.authenticate(header.substring(BEARER.length()).trim());
		if (principal.isEmpty()) {
			entryPoint.commence(request, response,
					new BadCredentialsException("The API key is wrong or has been revoked."));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(principal.get()));
		chain.doFilter(request, response);
	}

}
