package dev.igautomation.inbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

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

}
