package dev.igautomation.inbox;

import java.time.Instant;

/** One row of {@code conversation}. */
record ConversationRow(String accountId, String userId, String username, String name, Instant firstSeenAt,
		Instant lastActivityAt, String lastPreview, String lastDirection, Instant lastUserMessageAt, long messageCount,
		Instant readUpTo, int unreadCount, String assigneeId, String state, Instant doneAt, Instant updatedAt) {

	static final String OPEN = "open";

	static final String DONE = "done";

}
