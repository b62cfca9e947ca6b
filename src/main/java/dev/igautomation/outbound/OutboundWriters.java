package dev.igautomation.outbound;

import java.time.Duration;

import dev.igautomation.system.GroupCommit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Group commits for the send path: the messages accepted together are stored in one transaction, and the outcomes of
 * attempts answered together recorded in one, so that each send costs the database a share of two commits rather
 * than two of its own.
 */
@Configuration(proxyBeanMethods = false)
class OutboundWriters {

	private static final GroupCommit.Settings SETTINGS = new GroupCommit.Settings(2, 200, 20_000,
			Duration.ofSeconds(10));

	@Bean
	GroupCommit<AcceptWrites.Acceptance, Boolean> acceptWriter(AcceptWrites writes) {
		return new GroupCommit<>("accept-writer", SETTINGS, acceptance -> 1, writes::storeAll, SendsUnavailable::new);
	}

	@Bean
	GroupCommit<Outcome, SendOutcome> outcomeWriter(OutcomeWrites writes) {
		return new GroupCommit<>("outcome-writer", SETTINGS, outcome -> 1, writes::recordAll, SendsUnavailable::new);
	}

}
