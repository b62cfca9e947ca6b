package dev.igautomation.optout;

import dev.igautomation.privacy.UserDataDeletion;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets a user's opt-out state with the rest of their data. Nothing is sent to them afterwards until they write
 * again (the messaging window is forgotten too), and then a stop word opts them out anew.
 */
@Component
class OptOutDataDeletion {

	private final JdbcClient jdbc;

	private final OptOuts optOuts;

	OptOutDataDeletion(JdbcClient jdbc, OptOuts optOuts) {
		this.jdbc = jdbc;
		this.optOuts = optOuts;
	}

	@EventListener
	void delete(UserDataDeletion deletion) {
		jdbc.sql("delete from contact_opt_out where user_id = ?").params(deletion.userId()).update();
		optOuts.forget();
	}

}
