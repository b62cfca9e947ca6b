package dev.igautomation.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries over stored events, each served by an index: the account's timeline, one user's conversation, a mid.
 */
@Component
class MessageQueries {

	private final StoredEvents events;

	MessageQueries(StoredEvents events) {
		this.events = events;
	}

	/** What to list. Every part is optional. */
	record Filter(String userId, Direction direction, EventKind kind, Instant since, Instant until) {
	}

	/** Where the previous page ended. */
	record Position(Instant timestamp, String id) {
	}

	@Transactional(readOnly = true)
	List<StoredEvent> list(String instagramAccountId, Filter filter, Position after, int limit) {
		StringBuilder sql = new StringBuilder("select " + StoredEvents.COLUMNS
				+ " from inbound_event where instagram_account_id = ?");
		List<Object> parameters = new ArrayList<>(List.of(instagramAccountId));
		if (filter.userId() != null) {
			sql.append(" and user_id = ?");
			parameters.add(filter.userId());
		}
		if (filter.direction() != null) {
			sql.append(" and direction = ?");
			parameters.add(filter.direction().value());
		}
		if (filter.kind() != null) {
			sql.append(" and kind = ?");
			parameters.add(filter.kind().value());
		}
		if (filter.since() != null) {
			sql.append(" and event_time >= ?");
			parameters.add(DatabaseTime.of(filter.since()));
		}
		if (filter.until() != null) {
			sql.append(" and event_time < ?");
			parameters.add(DatabaseTime.of(filter.until()));
		}
		if (after != null) {
			sql.append(" and (event_time < ? or (event_time = ? and id < ?))");
			parameters.add(DatabaseTime.of(after.timestamp()));
			parameters.add(DatabaseTime.of(after.timestamp()));
			parameters.add(after.id());
		}
		sql.append(" order by event_time desc, id desc limit ?");
		parameters.add(limit);
		return events.query(sql.toString(), parameters);
	}

	/** The message (or echo, or postback) with this mid. */
	@Transactional(readOnly = true)
	Optional<StoredEvent> byMid(String instagramAccountId, String mid) {
		return events
			.query("select " + StoredEvents.COLUMNS + " from inbound_event where instagram_account_id = ? "
					+ "and dedupe_key in (?, ?)", List.of(instagramAccountId, "message:" + mid, "postback:" + mid))
			.stream()
			.findFirst();
	}

}
