package dev.igautomation.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.inbox.InboxConversation;
import dev.igautomation.outbound.SendCommand;

/**
 * The inbox's reply box. {@code key} is made when the form is shown and sent with it: the send path's idempotency
 * key, so that a double click or a form sent again sends once. Quick replies are titles separated by commas.
 */
record ReplyForm(String key, String text, String attachmentType, String attachmentUrl, String quickReplies) {

	static final List<String> ATTACHMENT_TYPES = List.of("image", "video", "audio", "file");

	static ReplyForm fresh() {
		return new ReplyForm(java.util.UUID.randomUUID().toString(), null, null, null, null);
	}

	/** Why the account may not answer this user now, or null when it may. */
	static String blocked(AccountDetails account, InboxConversation conversation) {
		if (!"valid".equals(account.tokenStatus())) {
			return "Meta rejected this account's access token" + (account.tokenError() == null ? ""
					: " (" + account.tokenError() + ")") + ". Refresh or replace it on the account's page to answer.";
		}
		if (!account.messagingWindowEnforced()) {
			return null;
		}
		if (conversation.windowClosesAt() == null) {
			return "This user has never written to the account: Meta allows no message until they do.";
		}
		if (!conversation.windowOpen() && !conversation.humanAgentOnly()) {
			return "The user's last message is more than 7 days old: Meta allows no message until they write again.";
		}
		return null;
	}

	/** {@code HUMAN_AGENT} between 24 hours and 7 days after the user's last message; otherwise none. */
	static String tag(AccountDetails account, InboxConversation conversation) {
		return account.messagingWindowEnforced() && conversation.humanAgentOnly() ? "HUMAN_AGENT" : null;
	}

	/** What to fix before sending, or null. */
	String problem() {
		boolean hasText = text != null && !text.isBlank();
		boolean hasAttachment = attachmentUrl != null && !attachmentUrl.isBlank();
		if (key == null || !key.matches("[0-9a-f-]{36}")) {
			return "The form is out of date: reload the page and write again.";
		}
		if (!hasText && !hasAttachment) {
			return "Write a message or give an attachment's URL.";
		}
		if (hasText && text.getBytes(StandardCharsets.UTF_8).length > 1000) {
			return "The message is too long: Instagram takes at most 1000 bytes (about 1000 letters).";
		}
		if (hasAttachment && (!ATTACHMENT_TYPES.contains(attachmentType) || !attachmentUrl.strip().startsWith("https://")
				|| attachmentUrl.length() > 2000)) {
			return "The attachment needs a type (image, video, audio or file) and an https:// URL Meta can fetch.";
		}
		List<SendCommand.QuickReply> replies = replies();
		if (replies.size() > 13 || replies.stream().anyMatch(reply -> reply.title().length() > 20)) {
			return "Quick replies: at most 13, of at most 20 characters each, separated by commas.";
		}
		return null;
	}

	SendCommand command(String accountId, String userId, String tag) {
		boolean hasAttachment = attachmentUrl != null && !attachmentUrl.isBlank();
		List<SendCommand.QuickReply> replies = replies();
		return new SendCommand(accountId, userId, null, text == null || text.isBlank() ? null : text.strip(),
				hasAttachment ? new SendCommand.Attachment(attachmentType, attachmentUrl.strip()) : null,
				replies.isEmpty() ? null : replies, null, null, tag, "console-" + key, SendCommand.Source.CONSOLE, null);
	}

	private List<SendCommand.QuickReply> replies() {
		List<SendCommand.QuickReply> replies = new ArrayList<>();
		if (quickReplies != null) {
			for (String title : quickReplies.split(",")) {
				if (!title.isBlank()) {
					replies.add(new SendCommand.QuickReply(title.strip(), title.strip()));
				}
			}
		}
		return replies;
	}

}
