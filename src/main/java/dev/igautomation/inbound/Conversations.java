package dev.igautomation.inbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other features need to know of a conversation, from the stored events.
 */
@Service
public class Conversations {

	private final JdbcClient jdbc;

	Conversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * When the user last wrote to the account (a message, a postback, or opening the conversation from a referral):
	 * what starts Meta's 24-hour messaging window.
	 */
	public Optional<Instant> lastMessageFromUser(String instagramAccountId, String userId) {
		return jdbc.sql("""
				select max(event_time) from inbound_event
				where instagram_account_id = ? and user_id = ? and direction = 'inbound'
				  and kind in ('message', 'postback', 'referral')""")
			.params(instagramAccountId, userId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Whether the account wrote to the user after {@code after} (an echo: from here, or from the Instagram app). */
	public boolean accountWroteSince(String instagramAccountId, String userId, Instant after) {
		return jdbc.sql("""
				select count(*) from inbound_event
				where instagram_account_id = ? and user_id = ? and direction = 'outbound' and event_time > ?""")
			.params(instagramAccountId, userId, DatabaseTime.of(after))
			.query(Long.class)
			.single() > 0;
	}

	/** A text in a conversation: from the user, or from the account (its echoes). */
	public record Line(boolean fromUser, String text) {
	}

	/** The last {@code limit} texts of a conversation, oldest first. */
	public List<Line> lastLines(String instagramAccountId, String userId, int limit) {
		List<Line> newestFirst = jdbc.sql("""
				select direction, text from inbound_event
				where instagram_account_id = ? and user_id = ? and kind in ('message', 'echo') and text is not null
				order by event_time desc limit ?""")
			.params(instagramAccountId, userId, limit)
			.query((row, number) -> new Line("inbound".equals(row.getString("direction")), row.getString("text")))
			.list();
		return java.util.stream.IntStream.range(0, newestFirst.size())
			.mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i))
			.toList();
	}

}
