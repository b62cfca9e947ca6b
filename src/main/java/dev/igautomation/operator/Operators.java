package dev.igautomation.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.igautomation.security.AccountDirectory;
import dev.igautomation.system.Ids;
import dev.igautomation.system.InvalidRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to add, find and change operators: the first admin (from a setup link or from {@code ADMIN_EMAIL} and
 * {@code ADMIN_PASSWORD}), invitations, disabling and password resets. Passwords are hashed by Spring Security's
 * {@code DelegatingPasswordEncoder} (bcrypt, and whatever it names later, so old hashes keep working).
 */
@Service
public class Operators {

	static final Duration SETUP_VALIDITY = Duration.ofHours(24);

	static final Duration INVITE_VALIDITY = Duration.ofDays(7);

	static final Duration RESET_VALIDITY = Duration.ofHours(24);

	private final OperatorStore repository;

	private final OneTimeLinks links;

	private final PasswordEncoder passwords;

	private final AccountDirectory accounts;

	private final OperatorSessions sessions;

	private final Clock clock;

	Operators(OperatorStore repository, OneTimeLinks links, PasswordEncoder passwords, AccountDirectory accounts,
			OperatorSessions sessions, Clock clock) {
		this.repository = repository;
		this.links = links;
		this.passwords = passwords;
		this.accounts = accounts;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** A new operator and the one-time link (its token) that lets them choose a password. */
	public record Invited(Operator operator, String token) {

		@Override
		public String toString() {
			return "Invited[" + operator.id() + "]";
		}

	}

	/** What a one-time link is for ({@code setup}, {@code invite}, {@code reset}) and whose it is (null for setup). */
	public record LinkInfo(String purpose, String email) {
	}

	@Transactional(readOnly = true)
	public Optional<Operator> find(String id) {
		return repository.findById(id).map(row -> row.toOperator(repository.accountsOf(row.id())));
	}

	@Transactional(readOnly = true)
	public List<Operator> list() {
		Map<String, Set<String>> assignments = repository.allAssignments();
		return repository.findAll()
			.stream()
			.map(row -> row.toOperator(assignments.getOrDefault(row.id(), Set.of())))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return repository.any();
	}

	/** The link for the first admin: shown at the first start, when no operator exists yet. */
	@Transactional
	public String issueSetupLink() {
		return links.issue(OneTimeLinks.Purpose.SETUP, null, SETUP_VALIDITY);
	}

	@Transactional(readOnly = true)
	public Optional<LinkInfo> link(String token) {
		return links.peek(token)
			.map(link -> new LinkInfo(link.purpose().value(), link.operatorId() == null ? null
					: repository.findById(link.operatorId()).map(OperatorStore.Row::email).orElse(null)));
	}

	/** Uses a setup link: the first admin, with this email, name and password. */
	@Transactional
	public Operator completeSetup(String token, String email, String displayName, String password) {
		String normalized = normalize(email);
		checkPassword(password, normalized);
		links.use(token).filter(link -> link.purpose() == OneTimeLinks.Purpose.SETUP).orElseThrow(InvalidLink::new);
		String id = Ids.next("op");
		insert(id, normalized, displayName.strip(), Operator.Role.ADMIN, passwords.encode(password));
		return find(id).orElseThrow();
	}

	/** Uses an invitation or reset link: the operator's new password. */
	@Transactional
	public Operator choosePassword(String token, String password) {
		OneTimeLinks.Link link = links.peek(token)
			.filter(found -> found.purpose() != OneTimeLinks.Purpose.SETUP)
			.orElseThrow(InvalidLink::new);
		OperatorStore.Row row = repository.findById(link.operatorId()).orElseThrow(InvalidLink::new);
		checkPassword(password, row.email());
		links.use(token).orElseThrow(InvalidLink::new);
		repository.setPassword(row.id(), passwords.encode(password), clock.instant());
		return find(row.id()).orElseThrow();
	}

	@Transactional
	public Invited invite(String email, String displayName, Operator.Role role, Set<String> accountIds) {
		String normalized = normalize(email);
		Set<String> assigned = role == Operator.Role.ADMIN ? Set.of() : accountIds;
		Set<String> unknown = new TreeSet<>();
		assigned.stream().filter(id -> !accounts.exists(id)).forEach(unknown::add);
		if (!unknown.isEmpty()) {
			throw new InvalidRequest("account_ids", "names accounts that do not exist: " + String.join(", ", unknown));
		}
		String id = Ids.next("op");
		insert(id, normalized, displayName.strip(), role, null);
		repository.assign(id, assigned);
		return new Invited(find(id).orElseThrow(), links.issue(OneTimeLinks.Purpose.INVITE, id, INVITE_VALIDITY));
	}

	/** Changes which accounts an agent works on. */
	@Transactional
	public void assign(String operatorId, Set<String> accountIds) {
		require(operatorId);
		repository.assign(operatorId, accountIds.stream().filter(accounts::exists).collect(java.util.stream.Collectors.toSet()));
	}

	/** Stops the operator's password and sessions at once, and answers a one-time link to choose a new one. */
	@Transactional
	public String resetPassword(String actingId, String operatorId) {
		OperatorStore.Row row = require(operatorId);
		repository.setPassword(row.id(), null, clock.instant());
		sessions.end(row.email());
		return links.issue(OneTimeLinks.Purpose.RESET, row.id(), RESET_VALIDITY);
	}

	/** Disables an operator (ending their sessions at once), or enables them again. */
	@Transactional
	public void setEnabled(String actingId, String operatorId, boolean enabled) {
		OperatorStore.Row row = require(operatorId);
		if (!enabled && row.id().equals(actingId)) {
			throw new InvalidRequest("operator", "is you: another admin must disable you");
		}
		repository.setEnabled(row.id(), enabled, clock.instant());
		if (!enabled) {
			sessions.end(row.email());
		}
	}

	@Transactional
	public void loggedIn(String operatorId) {
		repository.loggedIn(operatorId, clock.instant());
	}

	/** Makes the operator from {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD} an enabled admin with that password. */
	@Transactional
	void syncEnvironmentAdmin(String email, String password) {
		String normalized = normalize(email);
		checkPassword(password, normalized);
		Optional<OperatorStore.Row> existing = repository.findByEmail(normalized);
		if (existing.isEmpty()) {
			insert(Ids.next("op"), normalized, "Admin", Operator.Role.ADMIN, passwords.encode(password));
			return;
		}
		OperatorStore.Row row = existing.get();
		repository.setAdmin(row.id(), clock.instant());
		if (row.passwordHash() == null || !passwords.matches(password, row.passwordHash())) {
			repository.setPassword(row.id(), passwords.encode(password), clock.instant());
		}
	}

	private void insert(String id, String email, String displayName, Operator.Role role, String passwordHash) {
		try {
			repository.insert(id, email, displayName, role, passwordHash, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequest("email", "is already an operator's");
		}
	}

	private OperatorStore.Row require(String operatorId) {
		return repository.findById(operatorId).orElseThrow(() -> new UnknownOperator(operatorId));
	}

	static String normalize(String email) {
		String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!value.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || value.length() > 254) {
			throw new InvalidRequest("email", "must be an email address, like ana@example.com");
		}
		return value;
	}

	/** At least 12 characters (NIST SP 800-63B allows 8; a console that reaches customers' messages asks more). */
	static void checkPassword(String password, String email) {
		if (password == null || password.length() < 12) {
			throw new InvalidRequest("password", "must be at least 12 characters");
		}
		if (password.length() > 128) {
			throw new InvalidRequest("password", "must be at most 128 characters");
		}
		if (password.equalsIgnoreCase(email)) {
			throw new InvalidRequest("password", "must not be your email");
		}
	}

}
