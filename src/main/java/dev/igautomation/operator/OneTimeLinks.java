package dev.igautomation.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links: the first admin's setup, an invitation, a password reset. Each token is 256 random bits, stored only
 * as its SHA-256 hash (as for API keys, a fast hash suffices for random tokens), and is used at most once: the update
 * that marks it used is the check, so two requests cannot both use it.
 */
@Component
class OneTimeLinks {

	/** What a link is for. */
	enum Purpose {

		SETUP, INVITE, RESET;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A live link: what it is for, and for which operator (none for the first setup). */
	record Link(Purpose purpose, String operatorId) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	OneTimeLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new link's token; any earlier unused link of the same operator and purpose stops working. */
	String issue(Purpose purpose, String operatorId, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		if (operatorId != null) {
			jdbc.sql("delete from operator_link where operator_id = ? and used_at is null").param(operatorId).update();
		}
		jdbc.sql("insert into operator_link (token_hash, purpose, operator_id, expires_at, created_at) values (?, ?, ?, ?, ?)")
			.params(hash(token), purpose.value(), operatorId, DatabaseTime.of(now.plus(validity)), DatabaseTime.of(now))
			.update();
		return token;
	}

	/** The link, if the token names one that is unused and not expired; it stays usable. */
	Optional<Link> peek(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select purpose, operator_id from operator_link where token_hash = ? and used_at is null "
				+ "and expires_at > ?")
			.params(hash(token), DatabaseTime.of(clock.instant()))
			.query((row, number) -> new Link(Purpose.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)),
					row.getString(2)))
			.optional();
	}

	/** Uses the link: answers it only to the one request that marked it used. */
	Optional<Link> use(String token) {
		Optional<Link> link = peek(token);
		if (link.isEmpty()) {
			return link;
		}
		int marked = jdbc.sql("update operator_link set used_at = ? where token_hash = ? and used_at is null")
			.params(DatabaseTime.of(clock.instant()), hash(token))
			.update();
		return marked == 1 ? link : Optional.empty();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
