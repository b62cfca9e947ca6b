package dev.igautomation.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Operators' passwords go through Spring Security's {@code DelegatingPasswordEncoder}: bcrypt today, each hash
 * prefixed with its algorithm ({@code {bcrypt}...}) so a later default can take over without breaking stored hashes.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
