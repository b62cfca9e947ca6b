package dev.igautomation.outbound;

import java.util.List;

import dev.igautomation.system.BatchEvent;

/**
 * Messages sent through this service changed status: the changes one transaction made (a group commit records the
 * outcomes of many sends at once), published in it, so that listeners (the CRM's {@code message.status}) take them
 * as a batch.
 */
public record MessageStatusesChanged(List<MessageStatusChanged> changes) implements BatchEvent<MessageStatusesChanged> {

	@Override
	public List<MessageStatusesChanged> parts() {
		return changes.stream().map(change -> new MessageStatusesChanged(List.of(change))).toList();
	}

}
