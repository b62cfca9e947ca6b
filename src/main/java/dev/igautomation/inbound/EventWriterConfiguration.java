package dev.igautomation.inbound;

import dev.igautomation.system.GroupCommit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The writer of webhook bodies: bodies arriving together are stored in one transaction (group commit), each webhook
 * answered once its events are committed; a body that cannot be written is answered 503, which Meta retries.
 */
@Configuration(proxyBeanMethods = false)
class EventWriterConfiguration {

	@Bean
	GroupCommit<EventInserts.Body, InboundEvents.Recorded> eventWriter(IngestProperties properties,
			EventInserts inserts) {
		return new GroupCommit<>("event-writer",
				new GroupCommit.Settings(properties.writers(), properties.maxEventsPerTransaction(),
						properties.maxWaiting(), properties.timeout()),
				body -> body.events().size(), inserts::writeBodies, IngestUnavailable::new);
	}

}
