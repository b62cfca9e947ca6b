package dev.igautomation.entrypoint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's ice breakers and persistent menu: stored as set, then pushed to Meta's messaging profile, with what
 * Meta answered (accepted, or its error) kept beside them. No transaction is held while Meta is called.
 */
@Service
public class EntryPoints {

	/** A field of the account's messaging profile this service manages. */
	public enum Kind {

		ICE_BREAKERS, PERSISTENT_MENU;

		/** Its name in Meta's messaging profile and in the table. */
		public String field() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** What is stored for an entry point: Meta's JSON, and Meta's answer to the last push. */
	public record Stored(String content, String metaStatus, String metaError, Integer metaErrorCode,
			Instant syncedAt, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	/** Meta's JSON of an entry point: snake_case, without the fields left out (null). */
	private final JsonMapper metaJson = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private final Clock clock;

	EntryPoints(JdbcClient jdbc, TransactionTemplate transaction, AccountCredentials credentials, GraphClient graph,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.credentials = credentials;
		this.graph = graph;
		this.clock = clock;
	}

	public Optional<Stored> find(String accountId, Kind kind) {
		return jdbc.sql("""
				select content, meta_status, meta_error, meta_error_code, synced_at, updated_at
				from entry_point where account_id = ? and kind = ?""")
			.params(accountId, kind.field())
			.query((row, n) -> new Stored(row.getString("content"), row.getString("meta_status"),
					row.getString("meta_error"), (Integer) row.getObject("meta_error_code", Integer.class),
					DatabaseTime.instant(row, "synced_at"), DatabaseTime.instant(row, "updated_at")))
			.optional();
	}

	/** Stores {@code content} (Meta's shape of the field), pushes it to Meta, and answers what is stored then. */
	public Stored put(String accountId, Kind kind, List<?> content) {
		JsonNode meta = metaJson.valueToTree(content);
		String body = metaJson.writeValueAsString(meta);
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			int updated = jdbc.sql("""
					update entry_point set content = ?, meta_status = 'pending', meta_error = null,
					meta_error_code = null, updated_at = ? where account_id = ? and kind = ?""")
				.params(body, DatabaseTime.of(now), accountId, kind.field())
				.update();
			if (updated == 0) {
				jdbc.sql("""
						insert into entry_point (account_id, kind, content, meta_status, updated_at)
						values (?, ?, ?, 'pending', ?)""")
					.params(accountId, kind.field(), body, DatabaseTime.of(now))
					.update();
			}
		});
		Optional<GraphApiException> refused = push(accountId,
				token -> graph.setMessengerProfile(token, Map.of(kind.field(), meta)));
		transaction.executeWithoutResult(status -> jdbc.sql("""
				update entry_point set meta_status = ?, meta_error = ?, meta_error_code = ?,
				synced_at = coalesce(?, synced_at) where account_id = ? and kind = ? and content = ?""")
			.params(refused.isEmpty() ? "synced" : "failed", refused.map(EntryPoints::errorOf).orElse(null),
					refused.map(GraphApiException::code).orElse(null),
					refused.isEmpty() ? DatabaseTime.of(clock.instant()) : null, accountId, kind.field(), body)
			.update());
		return find(accountId, kind).orElseThrow();
	}

	/**
	 * Removes the field from Meta's profile, then here; false when nothing was set. When Meta refuses, its error is
	 * kept with what is stored and thrown as {@link EntryPointNotRemoved}.
	 */
	public boolean remove(String accountId, Kind kind) {
		if (find(accountId, kind).isEmpty()) {
			return false;
		}
		Optional<GraphApiException> refused = push(accountId,
				token -> graph.deleteMessengerProfile(token, List.of(kind.field())));
		if (refused.isPresent()) {
			jdbc.sql("""
					update entry_point set meta_status = 'failed', meta_error = ?, meta_error_code = ?
					where account_id = ? and kind = ?""")
				.params(errorOf(refused.get()), refused.get().code(), accountId, kind.field())
				.update();
			throw new EntryPointNotRemoved(kind, refused.get());
		}
		jdbc.sql("delete from entry_point where account_id = ? and kind = ?").params(accountId, kind.field()).update();
		return true;
	}

	private Optional<GraphApiException> push(String accountId, java.util.function.Consumer<String> call) {
		SendingAccount account = credentials.sendingAccount(accountId);
		try {
			call.accept(account.accessToken());
			return Optional.empty();
		}
		catch (GraphApiException ex) {
			if (ex.kind() == GraphApiException.Kind.TOKEN_INVALID) {
				credentials.markTokenInvalid(accountId, ex.getMessage());
			}
			return Optional.of(ex);
		}
	}

	private static String errorOf(GraphApiException error) {
		String message = error.getMessage() == null ? "Meta gave no reason" : error.getMessage();
		return message.length() > 2000 ? message.substring(0, 2000) : message;
	}

}
