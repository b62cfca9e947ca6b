package dev.igautomation.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.StoredEvent;

/** The reactions, edits and unsends of a thread's messages, by the mid of the message each changes. */
final class Changes {

	record Edit(String text, Instant at) {
	}

	final Map<String, Map<String, String>> reactions = new HashMap<>();

	final Map<String, Edit> edits = new HashMap<>();

	final Set<String> unsent = new HashSet<>();

	/** Applies the changes in the order they happened: a later reaction by the same side replaces an earlier one. */
	static Changes of(List<StoredEvent> events) {
		Changes changes = new Changes();
		for (StoredEvent event : events) {
			String mid = Previews.detail(event.details(), "/mid");
			if (mid == null) {
				continue;
			}
			switch (event.kind()) {
				case REACTION -> {
					String by = event.direction() == Direction.INBOUND ? "user" : "account";
					Map<String, String> onMessage = changes.reactions.computeIfAbsent(mid, key -> new LinkedHashMap<>());
					if ("unreact".equals(Previews.detail(event.details(), "/action"))) {
						onMessage.remove(by);
					}
					else {
						String emoji = Previews.detail(event.details(), "/emoji");
						onMessage.put(by, emoji != null ? emoji : Previews.detail(event.details(), "/reaction"));
					}
				}
				case MESSAGE_EDITED -> changes.edits.put(mid, new Edit(event.text(), event.timestamp()));
				case MESSAGE_DELETED -> changes.unsent.add(mid);
				default -> {
				}
			}
		}
		return changes;
	}

	List<ThreadItem.Reaction> reactionsOn(String mid) {
		List<ThreadItem.Reaction> on = new ArrayList<>();
		if (mid != null) {
			reactions.getOrDefault(mid, Map.of()).forEach((by, emoji) -> on.add(new ThreadItem.Reaction(emoji, by)));
		}
		return on;
	}

}
