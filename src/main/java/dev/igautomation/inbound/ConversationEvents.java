package dev.igautomation.inbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored events of one conversation (an account's Instagram id and a user), for the inbox: what sums it up, and
 * its thread page by page. Every query is a range of {@code ix_inbound_event_account_user_time}.
 */
@Service
public class ConversationEvents {

	/** What appears in a thread as an item of its own. */
	static final String THREAD_KINDS = "('message', 'echo', 'postback', 'referral')";

	/** What changes an earlier message: a reaction, an edit, an unsend. */
	static final String CHANGE_KINDS = "('reaction', 'message_edited', 'message_deleted')";

	private final JdbcClient jdbc;

	private final StoredEvents events;

	ConversationEvents(JdbcClient jdbc, StoredEvents events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * A conversation as its events sum it up.
	 *
	 * @param last the newest item of its thread
	 * @param lastUserMessageAt when the user last wrote (what opens Meta's messaging window); null if never
	 */
	public record Summary(Instant firstSeenAt, StoredEvent last, Instant lastUserMessageAt, long messageCount) {
	}

	@Transactional(readOnly = true)
	public Optional<Summary> summary(String instagramAccountId, String userId) {
		List<StoredEvent> newest = events.query("select " + StoredEvents.COLUMNS + " from inbound_event "
				+ "where instagram_account_id = ? and user_id = ? and kind in " + THREAD_KINDS
				+ " order by event_time desc, id desc limit 1", List.of(instagramAccountId, userId));
		if (newest.isEmpty()) {
			return Optional.empty();
		}
		record Counts(Instant first, long count, Instant lastFromUser) {
		}
		Counts counts = jdbc.sql("select min(event_time) as first_at, count(*) as total, max(case when direction = "
				+ "'inbound' then event_time end) as last_from_user from inbound_event where instagram_account_id = ? "
				+ "and user_id = ? and kind in " + THREAD_KINDS)
			.params(instagramAccountId, userId)
			.query((row, number) -> new Counts(DatabaseTime.instant(row, "first_at"), row.getLong("total"),
					DatabaseTime.instant(row, "last_from_user")))
			.single();
		return Optional.of(new Summary(counts.first(), newest.get(0), counts.lastFromUser(), counts.count()));
	}

	/** How many messages the user wrote after {@code after} (all when null): what is unread. */
	@Transactional(readOnly = true)
	public int messagesFromUserAfter(String instagramAccountId, String userId, Instant after) {
		return jdbc.sql("select count(*) from inbound_event where instagram_account_id = ? and user_id = ? "
				+ "and direction = 'inbound' and kind in ('message', 'postback') and event_time > ?")
			.params(instagramAccountId, userId, DatabaseTime.of(after == null ? Instant.EPOCH : after))
			.query(Long.class)
			.single()
			.intValue();
	}

	/**
	 * Up to {@code limit} items of the thread, newest first: those before {@code before} (or at it, when
	 * {@code includingBefore}), or before the item {@code beforeId} at that time.
	 */
	@Transactional(readOnly = true)
	public List<StoredEvent> thread(String instagramAccountId, String userId, Instant before, String beforeId,
			int limit) {
		StringBuilder sql = new StringBuilder("select " + StoredEvents.COLUMNS + " from inbound_event "
				+ "where instagram_account_id = ? and user_id = ? and kind in " + THREAD_KINDS);
		List<Object> parameters = new ArrayList<>(List.of(instagramAccountId, userId));
		if (before != null) {
			sql.append(" and (event_time < ? or (event_time = ? and id < ?))");
			OffsetDateTime at = DatabaseTime.of(before);
			parameters.addAll(List.of(at, at, beforeId == null ? "" : beforeId));
		}
		sql.append(" order by event_time desc, id desc limit ?");
		parameters.add(limit);
		return events.query(sql.toString(), parameters);
	}

	/** The reactions, edits and unsends of the conversation's messages since {@code since}, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredEvent> changesSince(String instagramAccountId, String userId, Instant since) {
		return events.query("select " + StoredEvents.COLUMNS + " from inbound_event where instagram_account_id = ? "
				+ "and user_id = ? and kind in " + CHANGE_KINDS + " and event_time >= ? order by event_time, id",
				List.of(instagramAccountId, userId, DatabaseTime.of(since)));
	}

}
