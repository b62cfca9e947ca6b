package dev.igautomation.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import dev.igautomation.system.JobQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and shows accounts' history imports. An import runs as a job of the queue (one per account), a slice at a
 * time as Meta's rate allows, with its progress stored after each conversation: it survives a restart and goes on
 * where it was; started again, it begins anew, and what was imported before is recognised and not stored twice.
 */
@Service
class HistoryImports {

	static final TaskDescriptor<Void> IMPORT = TaskDescriptor.of("history.import", Void.class);

	private final HistoryImportRepository repository;

	private final JobQueue jobs;

	private final ImportProperties properties;

	private final Clock clock;

	HistoryImports(HistoryImportRepository repository, JobQueue jobs, ImportProperties properties, Clock clock) {
		this.repository = repository;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	/** Starts importing the account's last {@code app.import.days} of conversations, anew if one ran before. */
	@Transactional
	HistoryImport start(String accountId) {
		Instant now = clock.instant();
		HistoryImport history = repository.findById(accountId).orElseGet(() -> new HistoryImport(accountId));
		history.start(now.minus(Duration.ofDays(properties.days())), now);
		repository.save(history);
		jobs.reschedule(IMPORT.instance(accountId).build(), now);
		return history;
	}

	@Transactional(readOnly = true)
	Optional<HistoryImport> latest(String accountId) {
		return repository.findById(accountId);
	}

}
