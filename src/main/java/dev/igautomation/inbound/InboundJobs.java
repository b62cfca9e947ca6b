package dev.igautomation.inbound;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.system.DurableEvents;
import dev.igautomation.system.JobFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processing jobs queued by earlier versions, which did every feature's work in one job: each is turned into today's
 * {@link InstagramEventsReceived}, so events stored just before an upgrade are still forwarded and answered.
 */
@Configuration(proxyBeanMethods = false)
class InboundJobs {

	static final TaskDescriptor<EventBatch> LEGACY = TaskDescriptor.of("inbound-events", EventBatch.class);

	@Bean
	OneTimeTask<EventBatch> processInboundEvents(DurableEvents events, TransactionTemplate transaction) {
		return Tasks.oneTime(LEGACY)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> transaction.executeWithoutResult(status -> events.publish(
					new InstagramEventsReceived(job.getData().eventIds()), "legacy:" + job.getId())));
	}

}
