package dev.igautomation.autoreply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Stores pauses. Writing one is an update that only takes when it should, then an insert that does nothing when a row
 * is there already: two writers at once (a person's echo and an operator, say) can neither fail on the key nor undo a
 * longer pause; plain SQL statements, as JPA has no insert-if-absent.
 */
interface PauseRepository extends JpaRepository<Pause, Pause.Key> {

	/** Sets the pause, unless one lasts longer already (or until resumed); answers whether it took. */
	@Modifying
	@Query(nativeQuery = true, value = """
			update contact_pause set paused_until = :until, reason = :reason, paused_at = :at
			where account_id = :account and user_id = :user and paused_until is not null and paused_until < :until""")
	int extendExisting(String account, String user, Instant until, String reason, Instant at);

	/** Sets the pause as told, whatever was there. */
	@Modifying
	@Query(nativeQuery = true, value = """
			update contact_pause set paused_until = :until, reason = :reason, paused_at = :at
			where account_id = :account and user_id = :user""")
	int replaceExisting(String account, String user, Instant until, String reason, Instant at);

	@Modifying
	@Query(nativeQuery = true, value = """
			insert into contact_pause (account_id, user_id, paused_until, reason, paused_at)
			values (:account, :user, :until, :reason, :at) on conflict do nothing""")
	int insertIfAbsent(String account, String user, Instant until, String reason, Instant at);

	@Modifying
	@Query("delete from Pause p where p.accountId = ?1 and p.userId = ?2")
	int deleteOne(String accountId, String userId);

	@Modifying
	@Query("delete from Pause p where p.userId = ?1")
	int deleteAllOf(String userId);

	/** The user's pause, if one is on at {@code now}. */
	@Query("select p from Pause p where p.accountId = ?1 and p.userId = ?2 and (p.until is null or p.until > ?3)")
	Optional<Pause> findActive(String accountId, String userId, Instant now);

	/** The pauses on at {@code now}, by user id, after the previous page's last user. */
	@Query("""
			select p from Pause p where p.accountId = ?1 and (p.until is null or p.until > ?2) and p.userId > ?3
			order by p.userId""")
	List<Pause> findActive(String accountId, Instant now, String afterUserId, Limit limit);

	/** Pauses until {@code pause.until()} unless a pause already lasts longer: a person never shortens an operator's. */
	default void extend(Pause pause) {
		if (extendExisting(pause.accountId(), pause.userId(), pause.until(), pause.reason(), pause.pausedAt()) == 0) {
			insertIfAbsent(pause.accountId(), pause.userId(), pause.until(), pause.reason(), pause.pausedAt());
		}
	}

	/** Pauses as told, whatever was there before. */
	default void replace(Pause pause) {
		if (replaceExisting(pause.accountId(), pause.userId(), pause.until(), pause.reason(), pause.pausedAt()) == 0) {
			insertIfAbsent(pause.accountId(), pause.userId(), pause.until(), pause.reason(), pause.pausedAt());
		}
	}

}
