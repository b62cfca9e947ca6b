package dev.igautomation.crm;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.system.JobFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job every pending delivery has: it makes the attempts that are not made right after the delivery was queued
 * (the retries, and the first attempt when that did not happen), each time moving itself to the next attempt's time.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	@Bean
	CustomTask<Void> crmDeliveryTask(DeliveryAttempts attempts) {
		return Tasks.custom(CrmDeliveries.ATTEMPT)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> {
				DeliveryAttempts.Result result = attempts.attempt(job.getId());
				if (result instanceof DeliveryAttempts.RetryAt retry) {
					return (complete, operations) -> operations.reschedule(complete, retry.at());
				}
				return new CompletionHandler.OnCompleteRemove<>();
			});
	}

}
