package dev.igautomation.operator;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import dev.igautomation.security.Caller;

/**
 * A person who uses the console. An admin reaches every account and manages operators, API keys and accounts; an
 * agent works on the accounts assigned to it (rules, analytics, deliveries) and nothing else.
 *
 * @param passwordSet false until the operator has chosen a password through a one-time link
 * @param accountIds for an agent, the accounts assigned to it
 */
public record Operator(String id, String email, String displayName, Role role, boolean enabled, boolean passwordSet,
		Instant lastLoginAt, Instant createdAt, Set<String> accountIds) implements Caller {

	public Operator {
		accountIds = Set.copyOf(accountIds);
	}

	/** What an operator may do. */
	public enum Role {

		ADMIN, AGENT;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Role of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	public boolean admin() {
		return role == Role.ADMIN;
	}

	@Override
	public boolean unrestricted() {
		return admin();
	}

}
