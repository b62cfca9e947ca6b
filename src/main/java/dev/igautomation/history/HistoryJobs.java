package dev.igautomation.history;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.account.AccessTokenSet;
import dev.igautomation.system.EventListenerTask;
import dev.igautomation.system.JobFailures;
import dev.igautomation.system.JobQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The history feature's jobs: imports, a slice at a time; and starting one when an account gets a new token. */
@Configuration(proxyBeanMethods = false)
class HistoryJobs {

	@Bean
	CustomTask<Void> historyImportTask(ImportSteps steps) {
		return Tasks.custom(HistoryImports.IMPORT)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> JobQueue.thenAt(steps.run(job.getId())));
	}

	@Bean
	EventListenerTask<AccessTokenSet> historyImportsOnNewToken(HistoryImports imports, ImportProperties properties) {
		return EventListenerTask.of("history.import-on-new-token", AccessTokenSet.class, tokenSet -> {
			if (properties.days() > 0) {
				imports.start(tokenSet.accountId());
			}
		});
	}

}
