package dev.igautomation.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call the machine-facing addresses (the API, the actuator, Meta's webhooks and callbacks, the API docs):
 * everything under {@code /api} and the actuator (but health) needs an API key, and managing keys needs an admin key,
 * as does starting Instagram Login. The rest of these is public: health, the API docs, and Meta's webhooks and
 * callbacks, which check Meta's signature (or the login flow's signed state) themselves. This chain is stateless and
 * reads no cookie, so a console session never authenticates an API call; the console has its own chain after it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The addresses this chain answers for; every other address belongs to the console's chain. */
	static final String[] MACHINE_PATHS = { "/api/**", "/actuator/**", "/webhooks/**", "/connect/**", "/health",
			"/health/**", "/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**" };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, ProblemResponses problems,
			SecurityProperties properties) throws Exception {
		http.securityMatcher(MACHINE_PATHS)
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler()))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**", "/connect/instagram").hasRole("ADMIN")
				.requestMatchers("/api/**", "/actuator/**").authenticated()
				.anyRequest().permitAll())
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems.entryPoint()),
					AnonymousAuthenticationFilter.class)
			.addFilterAfter(new ApiKeyRateLimitFilter(properties.rateLimit(), problems), ApiKeyAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * No observation around each of Spring Security's filters: with Micrometer present, every filter of every request
	 * was wrapped in one, about an eighth of the request path's CPU on the send API (bench/outbound.sh under
	 * async-profiler: 2.0 % of all samples against 16 % for the whole request). Requests are still timed as a whole
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

}
