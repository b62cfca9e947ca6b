package dev.igautomation.operator;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An operator as Spring Security holds it in the session: its id and email, and its role for the URL rules. The
 * password hash is there only while logging in, then erased. Pages read the rest of the operator fresh from the
 * database at each request, so a change (an account assigned, the operator disabled) applies at once.
 */
public final class SignedIn implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String operatorId;

	private final String email;

	private final String role;

	private final boolean enabled;

	private String passwordHash;

	SignedIn(String operatorId, String email, String role, boolean enabled, String passwordHash) {
		this.operatorId = operatorId;
		this.email = email;
		this.role = role;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public String operatorId() {
		return operatorId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"), new SimpleGrantedAuthority("ROLE_" + role));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	/** An operator without a password yet (invited, or reset) cannot log in, like a disabled one. */
	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "SignedIn[" + operatorId + "]";
	}

}
