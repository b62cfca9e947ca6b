package dev.igautomation.autoreply;

import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.system.EventListenerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the auto-reply feature reacts to in a job of its own: users' messages among Meta's events. No transaction is
 * held while a profile or an AI reply is fetched; each reply is queued in a transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
class AutoReplyListeners {

	@Bean
	EventListenerTask<InstagramEventsReceived> autoReplyAnswersEvents(InboundEvents inbound, UsersAnswered answers) {
		return EventListenerTask.of("autoreply.answer-events", InstagramEventsReceived.class,
				stored -> answers.answer(inbound.received(stored)));
	}

}
