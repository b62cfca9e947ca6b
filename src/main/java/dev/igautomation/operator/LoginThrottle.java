package dev.igautomation.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks out guessing: ten failed logins for one email within 15 minutes lock that email for 15 minutes, and ten from
 * one IP address (whatever the emails) lock that address. Failures and locks are rows in the database, so every
 * instance sees them; attempts while locked are refused before any password is checked, and are not counted.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How long the email or the address stays locked; empty when neither is. */
	@Transactional(readOnly = true)
	public Optional<Duration> lockedFor(String email, String ip) {
		Instant now = clock.instant();
		return jdbc.sql("select locked_until from login_lock where subject in (?, ?) and locked_until > ? "
				+ "order by locked_until desc")
			.params(emailSubject(email), ipSubject(ip), DatabaseTime.of(now))
			.query((row, number) -> DatabaseTime.instant(row, "locked_until"))
			.list()
			.stream()
			.findFirst()
			.map(until -> Duration.between(now, until));
	}

	/** Records a failure; answers how long the email or address is now locked, if this failure locked it. */
	@Transactional
	public Optional<Duration> failed(String email, String ip) {
		Instant now = clock.instant();
		Optional<Duration> locked = Optional.empty();
		for (String subject : List.of(emailSubject(email), ipSubject(ip))) {
			jdbc.sql("insert into login_failure (subject, failed_at) values (?, ?)")
				.params(subject, DatabaseTime.of(now))
				.update();
			long recent = jdbc.sql("select count(*) from login_failure where subject = ? and failed_at > ?")
				.params(subject, DatabaseTime.of(now.minus(WINDOW)))
				.query(Long.class)
				.single();
			if (recent >= MAX_FAILURES) {
				jdbc.sql("delete from login_lock where subject = ?").param(subject).update();
				jdbc.sql("insert into login_lock (subject, locked_until) values (?, ?)")
					.params(subject, DatabaseTime.of(now.plus(LOCK)))
					.update();
				jdbc.sql("delete from login_failure where subject = ?").param(subject).update();
				locked = Optional.of(LOCK);
			}
		}
		jdbc.sql("delete from login_failure where failed_at < ?").param(DatabaseTime.of(now.minus(WINDOW))).update();
		return locked;
	}

	/** A successful login forgets the email's failures (not the address's: it may be guessing other emails). */
	@Transactional
	public void succeeded(String email) {
		jdbc.sql("delete from login_failure where subject = ?").param(emailSubject(email)).update();
	}

	private static String emailSubject(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		return "email:" + (normalized.length() > 254 ? normalized.substring(0, 254) : normalized);
	}

	private static String ipSubject(String ip) {
		return "ip:" + ip;
	}

}
