package dev.igautomation.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what: everything under {@code /api} and the actuator (but health) needs an API key, and managing keys
 * needs an admin key, as does starting Instagram Login. The rest is public: health, the API docs, and Meta's webhooks
 * and callbacks, which check Meta's signature (or the login flow's signed state) themselves; unknown addresses there
 * are plain 404s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, ProblemResponses problems,
			SecurityProperties properties) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
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

	/** Keeps Boot from creating (and logging) a default user and password: only API keys authenticate here. */
	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

}
