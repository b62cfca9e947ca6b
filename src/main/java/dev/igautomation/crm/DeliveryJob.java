package dev.igautomation.crm;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.igautomation.system.JobFailures;
import dev.igautomation.system.JobQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job a delivery has once its first attempt failed or could not be made at once: it makes the next attempts,
 * each time moving itself to the next attempt's time.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

	@Bean
	CustomTask<Void> crmDeliveryTask(DeliveryAttempts attempts) {
		return Tasks.custom(CrmDeliveries.ATTEMPT)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> {
				DeliveryAttempts.Result result = attempts.attempt(job.getId());
				return JobQueue.thenAt(result instanceof DeliveryAttempts.RetryAt retry ? retry.at() : null);
			});
	}

}
