package dev.igautomation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.system.JobFailures;
import dev.igautomation.system.JobQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job every unsent message has, for the attempts not made by the request that created it: retries, a first
 * attempt the request could not make, and messages whose outcome is unknown (Meta's 1/1357046, or the service
 * stopping mid-call), which are sent again only if their echo has not come within {@code app.outbound.echo-wait}.
 */
@Configuration(proxyBeanMethods = false)
class SendJob {

	static final TaskDescriptor<Void> SEND = TaskDescriptor.of("outbound-send", Void.class);

	private static final Logger log = LoggerFactory.getLogger(SendJob.class);

	private final OutboundRepository repository;

	private final SendAttempts attempts;

	private final OutboundProperties properties;

	private final Clock clock;

	SendJob(OutboundRepository repository, SendAttempts attempts, OutboundProperties properties, Clock clock) {
		this.repository = repository;
		this.attempts = attempts;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	CustomTask<Void> outboundSendTask() {
		return Tasks.custom(SEND)
			.onFailure(JobFailures.backoffWithJitter())
			.execute((job, context) -> {
				SendOutcome outcome = run(job.getId());
				return JobQueue.thenAt(outcome instanceof SendOutcome.Later later ? later.at() : null);
			});
	}

	SendOutcome run(String messageId) {
		Optional<OutboundMessage> found = repository.find(messageId);
		if (found.isEmpty() || found.get().status().isFinal()) {
			return new SendOutcome.Done(null);
		}
		OutboundMessage message = found.get();
		if (message.status() == MessageStatus.SENDING) {
			Instant echoDeadline = message.attemptStartedAt().plus(properties.echoWait());
			if (clock.instant().isBefore(echoDeadline)) {
				return new SendOutcome.Later(echoDeadline, MessageStatus.SENDING);
			}
			log.warn("No echo came for message {} within {}; sending it again", messageId, properties.echoWait());
			repository.release(messageId, clock.instant());
			message = repository.find(messageId).orElseThrow();
		}
		return attempts.attemptPending(message);
	}

}
