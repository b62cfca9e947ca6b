package dev.igautomation.operator;

import dev.igautomation.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The one-time link was used already, has expired, or never existed. */
public class InvalidLink extends ProblemException {

	InvalidLink() {
		super(HttpStatus.GONE, "link_invalid", "Link no longer valid",
				"This link was used already or has expired. Ask an admin for a new one.");
	}

}
