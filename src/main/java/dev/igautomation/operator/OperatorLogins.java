package dev.igautomation.operator;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the operator logging in by email, for Spring Security's form login. An operator who is disabled, or has no
 * password yet, is loaded as disabled and cannot log in.
 */
@Component
public class OperatorLogins implements UserDetailsService {

	private final OperatorStore repository;

	OperatorLogins(OperatorStore repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		return repository.findByEmail(normalized)
			.map(row -> new SignedIn(row.id(), row.email(), row.role().name(),
					row.enabled() && row.passwordHash() != null, row.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No operator has this email"));
	}

}
