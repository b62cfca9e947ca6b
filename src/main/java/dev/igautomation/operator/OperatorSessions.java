package dev.igautomation.operator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an operator's sessions on every instance at once, through Spring Session's index of sessions by principal
 * name (the email), when they are disabled or their password is reset.
 */
@Component
class OperatorSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	OperatorSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void end(String email) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(email)
			.keySet()
			.forEach(repository::deleteById));
	}

}
