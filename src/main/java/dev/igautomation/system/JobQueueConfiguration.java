package dev.igautomation.system;

import java.util.Optional;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job queue is db-scheduler (a table in the service's own database, polled with {@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL): jobs survive restarts and crashes, and several instances share them safely without another piece
 * of infrastructure. Job data is stored as JSON.
 */
@Configuration(proxyBeanMethods = false)
class JobQueueConfiguration {

	@Bean
	DbSchedulerCustomizer jsonJobData() {
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<Serializer> serializer() {
				return Optional.of(new Jackson3Serializer());
			}
		};
	}

}
