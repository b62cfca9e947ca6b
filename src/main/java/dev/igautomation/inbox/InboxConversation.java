package dev.igautomation.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.igautomation.autoreply.ContactStates;

/**
 * A conversation as the inbox shows it.
 *
 * @param lastMessagePreview the newest message, on one line (an attachment as {@code [image]}...)
 * @param lastMessageDirection {@code inbound} (the user wrote last) or {@code outbound}
 * @param windowClosesAt when Meta's 24-hour window closes (24 hours after the user's last message); null if the user
 * never wrote
 * @param humanAgentUntil until when a person may still answer with the {@code HUMAN_AGENT} tag (7 days)
 * @param botPaused whether auto-replies are paused for the user now
 * @param botPausedUntil until when; null while paused until resumed (or not paused)
 * @param state {@code open}, or {@code done} until the user writes again
 */
public record InboxConversation(String accountId, String userId, String username, String name,
		String lastMessagePreview, String lastMessageDirection, Instant lastActivityAt, int unreadCount,
		Instant windowClosesAt, Instant humanAgentUntil, boolean botPaused, Instant botPausedUntil, String assigneeId,
		String assigneeName, String state, Instant firstSeenAt, long messageCount, Instant now) {

	static final Duration WINDOW = Duration.ofHours(24);

	static final Duration HUMAN_AGENT = Duration.ofDays(7);

	static InboxConversation of(ConversationRow row, Optional<ContactStates.BotPause> pause, String assigneeName,
			Instant now) {
		Instant last = row.lastUserMessageAt();
		return new InboxConversation(row.accountId(), row.userId(), row.username(), row.name(), row.lastPreview(),
				row.lastDirection(), row.lastActivityAt(), row.unreadCount(), last == null ? null : last.plus(WINDOW),
				last == null ? null : last.plus(HUMAN_AGENT), pause.isPresent(),
				pause.map(ContactStates.BotPause::until).orElse(null), row.assigneeId(), assigneeName, row.state(),
				row.firstSeenAt(), row.messageCount(), now);
	}

	/** Within 24 hours of the user's last message: any message may be sent. */
	public boolean windowOpen() {
		return windowClosesAt != null && now.isBefore(windowClosesAt);
	}

	/** Past the 24 hours but within 7 days: only a person's answer, tagged {@code HUMAN_AGENT}. */
	public boolean humanAgentOnly() {
		return !windowOpen() && humanAgentUntil != null && now.isBefore(humanAgentUntil);
	}

	/** What to call the user: their username, their name, or their id. */
	public String displayName() {
		return username != null ? "@" + username : name != null ? name : userId;
	}

	/** What the page's parts showing this conversation reload on: its live event, or an answer sent from the page. */
	public String liveTrigger() {
		return "sse:" + LiveInbox.eventName(accountId, userId) + ", thread-changed from:body";
	}

	public boolean done() {
		return ConversationRow.DONE.equals(state);
	}

}
