package dev.igautomation.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final ApiKeyPrincipal principal;

	ApiKeyAuthentication(ApiKeyPrincipal principal) {
		super(authoritiesOf(principal));
		this.principal = principal;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authoritiesOf(ApiKeyPrincipal principal) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_API"));
		if (principal.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return authorities;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public ApiKeyPrincipal getPrincipal() {
		return principal;
	}

	@Override
	public String getName() {
		return principal.keyId();
	}

}
