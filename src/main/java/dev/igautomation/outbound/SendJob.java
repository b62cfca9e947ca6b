package dev.igautomation.outbound;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.system.JobFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job each message had in earlier versions: one still queued when the service is upgraded hands its message to
 * {@link SendSweep}, which now looks after every message that is due.
 */
@Configuration(proxyBeanMethods = false)
class SendJob {

	static final TaskDescriptor<Void> SEND = TaskDescriptor.of("outbound-send", Void.class);

	@Bean
	CustomTask<Void> outboundSendTask(OutboundMessageStore store, SendSweep sweep) {
		return Tasks.custom(SEND)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> {
				store.find(job.getId())
					.filter(message -> !message.status().isFinal())
					.ifPresent(sweep::handle);
				return new com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove<>();
			});
	}

}
