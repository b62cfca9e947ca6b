package dev.igautomation.console;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** An agent asked for something only admins do: managing accounts, API keys or operators. */
class NotForAgents extends ProblemException {

	NotForAgents() {
		super(HttpStatus.FORBIDDEN, "forbidden", "Only admins can do this",
				"Managing accounts, API keys and operators is for admins. Ask one of your admins.");
	}

	static void requireAdmin(dev.igautomation.operator.Operator me) {
		if (!me.admin()) {
			throw new NotForAgents();
		}
	}

}
