package dev.igautomation.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.system.DatabaseTime;
import dev.igautomation.system.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out data-deletion requests: in one transaction, every feature deletes what it holds of the user, and the
 * request is recorded under a confirmation code with its status, so Meta and the user can check it. The record keeps
 * no user id, only when it was asked and done.
 */
@Service
class DataDeletions {

	private static final Logger log = LoggerFactory.getLogger(DataDeletions.class);

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	DataDeletions(ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A request as recorded. */
	record Request(String confirmationCode, String status, Instant requestedAt, Instant completedAt) {
	}

	@Transactional
	Request delete(String userId) {
		Instant requested = clock.instant();
		events.publishEvent(new UserDataDeletion(userId));
		Instant completed = clock.instant();
		Request request = new Request(Ids.next("del"), "completed", requested, completed);
		jdbc.sql("insert into data_deletion_request (confirmation_code, status, requested_at, completed_at) "
				+ "values (?, ?, ?, ?)")
			.params(request.confirmationCode(), request.status(), DatabaseTime.of(requested), DatabaseTime.of(completed))
			.update();
		log.info("Data deletion {}: a user's data was deleted at Meta's request", request.confirmationCode());
		return request;
	}

	@Transactional(readOnly = true)
	Optional<Request> find(String confirmationCode) {
		return jdbc.sql("select confirmation_code, status, requested_at, completed_at from data_deletion_request "
				+ "where confirmation_code = ?")
			.param(confirmationCode)
			.query((row, number) -> new Request(row.getString("confirmation_code"), row.getString("status"),
					DatabaseTime.instant(row, "requested_at"),
					DatabaseTime.instant(row, "completed_at")))
			.optional();
	}

}
