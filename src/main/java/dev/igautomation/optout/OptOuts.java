package dev.igautomation.optout;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.igautomation.system.DatabaseTime;
import dev.igautomation.system.DurableEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who opted out of an account's automated messages. A user's message that is exactly a stop word opts them out, a
 * start word back in; each change is told once ({@link ContactOptedOut}, {@link ContactOptedIn}) in the transaction
 * that makes it. Handling the same message again changes nothing more but still answers what it changed, so that
 * whoever confirms it can do so under the same idempotency key.
 */
@Service
public class OptOuts {

	/** What a message did to the user's state. */
	public enum Change {

		OPTED_OUT, OPTED_IN

	}

	/** A user's state: opted out, and since when; or opted back in at {@code changedAt}. */
	public record State(boolean optedOut, Instant changedAt) {
	}

	private static final String ALL = "all";

	private final JdbcClient jdbc;

	private final DurableEvents events;

	private final OptOutProperties properties;

	private final Set<String> stopWords;

	private final Set<String> startWords;

	/**
	 * Every opted-out user as {@code account:user}, for the send API's answer, which may not cost a query per send:
	 * refreshed in the background every few seconds (changes made on other instances show within them), and at
	 * once for changes made here.
	 */
	private final LoadingCache<String, Set<String>> optedOut;

	OptOuts(JdbcClient jdbc, DurableEvents events, OptOutProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.stopWords = normalized(properties.stopWords());
		this.startWords = normalized(properties.startWords());
		this.optedOut = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5)).build(key -> loadOptedOut());
	}

	/**
	 * Records what a user's message does to their state, if it is a stop or start word; answers the change this
	 * message made (now or when it was handled before), or empty when it made none.
	 */
	@Transactional
	public Optional<Change> recordMessage(String accountId, String userId, String text, String eventId, Instant at) {
		Change wanted = wordOf(text).orElse(null);
		if (wanted == null) {
			return Optional.empty();
		}
		Optional<Row> current = jdbc.sql("""
				select opted_out, changed_by from contact_opt_out where account_id = ? and user_id = ? for update""")
			.params(accountId, userId)
			.query((row, n) -> new Row(row.getBoolean("opted_out"), row.getString("changed_by")))
			.optional();
		if (current.isPresent() && current.get().changedBy().equals(eventId)) {
			return Optional.of(wanted);
		}
		boolean out = wanted == Change.OPTED_OUT;
		if (current.map(Row::optedOut).orElse(false) == out) {
			return Optional.empty();
		}
		int updated = jdbc.sql("""
				update contact_opt_out set opted_out = ?, changed_at = ?, changed_by = ?
				where account_id = ? and user_id = ?""")
			.params(out, DatabaseTime.of(at), eventId, accountId, userId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into contact_opt_out (account_id, user_id, opted_out, changed_at, changed_by)
					values (?, ?, ?, ?, ?) on conflict do nothing""")
				.params(accountId, userId, out, DatabaseTime.of(at), eventId)
				.update();
		}
		events.publish(out ? new ContactOptedOut(accountId, userId, at, eventId)
				: new ContactOptedIn(accountId, userId, at, eventId), (out ? "opted-out:" : "opted-in:") + eventId);
		forgetAfterCommit();
		return Optional.of(wanted);
	}

	/** Whether the user is opted out now, as stored: for automations, which must never message them. */
	@Transactional(readOnly = true)
	public boolean optedOut(String accountId, String userId) {
		return state(accountId, userId).map(State::optedOut).orElse(false);
	}

	/** Whether the user is opted out, as known here within seconds, without a query: for the send API's answer. */
	public boolean optedOutRecently(String accountId, String userId) {
		return optedOut.get(ALL).contains(accountId + ":" + userId);
	}

	/** The user's state, if they ever wrote a stop word. */
	@Transactional(readOnly = true)
	public Optional<State> state(String accountId, String userId) {
		return jdbc.sql("select opted_out, changed_at from contact_opt_out where account_id = ? and user_id = ?")
			.params(accountId, userId)
			.query((row, n) -> new State(row.getBoolean("opted_out"), DatabaseTime.instant(row, "changed_at")))
			.optional();
	}

	/** The reply that confirms a change. */
	public String confirmation(Change change) {
		return change == Change.OPTED_OUT ? properties.stopConfirmation() : properties.startConfirmation();
	}

	/** Whether a message is a stop or a start word, and which. */
	public Optional<Change> wordOf(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String word = text.strip().toUpperCase(Locale.ROOT);
		return stopWords.contains(word) ? Optional.of(Change.OPTED_OUT)
				: startWords.contains(word) ? Optional.of(Change.OPTED_IN) : Optional.empty();
	}

	private Set<String> loadOptedOut() {
		return new HashSet<>(jdbc.sql("select account_id, user_id from contact_opt_out where opted_out")
			.query((row, n) -> row.getString("account_id") + ":" + row.getString("user_id"))
			.list());
	}

	/** Drops what is known here without a query, so that the next look reads the table again. */
	void forget() {
		forgetAfterCommit();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			optedOut.invalidateAll();
		}
	}

	private void forgetAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					optedOut.invalidateAll();
				}
			});
		}
	}

	private static Set<String> normalized(java.util.List<String> words) {
		return words.stream().map(word -> word.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	private record Row(boolean optedOut, String changedBy) {
	}

}
