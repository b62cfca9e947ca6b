package dev.igautomation.console;

import dev.igautomation.operator.LoginThrottle;
import dev.igautomation.operator.Operators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's security, for every address the API's chain does not take: form login at {@code /login} (the
 * operator's email as {@code username}), a session kept in the database (Spring Session JDBC) with its id changed at
 * login, CSRF tokens on every state-changing request (htmx sends it as a header), logout, the lock after repeated
 * failures, and headers that keep pages from being framed, sniffed or running any script but the service's own.
 * Unknown addresses are left to answer 404 rather than asking to log in.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	static final String[] PAGES = { "/", "/inbox", "/inbox/**", "/accounts", "/accounts/**", "/deliveries/**",
			"/operators", "/operators/**", "/api-keys", "/api-keys/**", "/logout" };

	/** Images also from Meta's CDNs: the inbox shows users' photos and story mentions from Meta's own links. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: https://*.fbsbx.com https://*.cdninstagram.com https://*.fbcdn.net; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, LoginThrottle throttle, Operators operators)
			throws Exception {
		LoginOutcomes outcomes = new LoginOutcomes(throttle, operators);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/operators", "/operators/**", "/api-keys", "/api-keys/**", "/accounts/new",
					"/accounts/connect")
			.hasRole("ADMIN")
			.requestMatchers(PAGES)
			.hasRole("OPERATOR")
			.anyRequest()
			.permitAll())
			.formLogin(login -> login.loginPage("/login")
				.successHandler(outcomes)
				.failureHandler(outcomes)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new HtmxAwareEntryPoint("/login")))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.addFilterBefore(new LockedLoginFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

}
