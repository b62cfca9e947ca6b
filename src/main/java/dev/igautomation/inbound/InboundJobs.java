package dev.igautomation.inbound;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.system.JobFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job queue's task for stored events. */
@Configuration(proxyBeanMethods = false)
class InboundJobs {

	@Bean
	OneTimeTask<EventBatch> processInboundEvents(InboundEventProcessor processor) {
		return Tasks.oneTime(InboundEvents.PROCESS)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> processor.process(job.getData().eventIds()));
	}

}
