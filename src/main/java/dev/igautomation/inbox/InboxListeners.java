package dev.igautomation.inbox;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.igautomation.inbound.InstagramEventsReceived;
import dev.igautomation.outbound.MessageStatusesChanged;
import dev.igautomation.system.EventListenerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the inbox reacts to, each in a job of its own: Meta's events (a conversation's row is summed up again), and
 * sent messages' statuses (its thread changed); and the hourly job that forgets old changes.
 */
@Configuration(proxyBeanMethods = false)
class InboxListeners {

	@Bean
	EventListenerTask<InstagramEventsReceived> inboxTracksEvents(ConversationTracking tracking) {
		return EventListenerTask.of("inbox.track-events", InstagramEventsReceived.class, tracking::track);
	}

	@Bean
	EventListenerTask<MessageStatusesChanged> inboxTracksStatuses(ConversationTracking tracking) {
		return EventListenerTask.of("inbox.track-statuses", MessageStatusesChanged.class, tracking::statusesChanged);
	}

	@Bean
	RecurringTask<Void> inboxForgetsChanges(InboxChanges changes) {
		return Tasks.recurring("inbox.forget-changes", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((job, context) -> changes.forgetOld());
	}

}
