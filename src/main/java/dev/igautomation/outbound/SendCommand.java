package dev.igautomation.outbound;

import java.util.List;

/**
 * A message to send for an account.
 *
 * @param accountId the account sending it
 * @param recipientId the user (IGSID) to send it to; for a private reply, the comment's author
 * @param commentId the comment to answer privately; null for a direct message
 * @param text the text, at most 1000 UTF-8 bytes
 * @param attachment an attachment by URL, instead of or with text
 * @param quickReplies buttons under the message
 * @param rich a message with buttons, cards, or a reaction, instead of text and attachment; null for none
 * @param replyTo the mid of the message this one answers
 * @param tag {@code HUMAN_AGENT} to answer as a person up to 7 days after the user's last message
 * @param idempotencyKey what makes a repeated request send nothing more; null for none
 * @param source who sends it
 * @param ruleId the auto-reply rule that sends it; null for others
 */
public record SendCommand(String accountId, String recipientId, String commentId, String text, Attachment attachment,
		List<QuickReply> quickReplies, RichContent rich, String replyTo, String tag, String idempotencyKey, Source source,
		String ruleId) {

	/** Who asked for a message. */
	public enum Source {

		/** The CRM or an operator, through the send API. */
		API,
		/** An auto-reply rule. */
		AUTO_REPLY,
		/** An operator, from the console's inbox. */
		CONSOLE;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** An image, video, audio or file (PDF) Meta fetches from a URL. */
	public record Attachment(String type, String url) {
	}

	/** A button under the message; its payload comes back in the user's answer. */
	public record QuickReply(String title, String payload) {
	}

	/**
	 * A private reply to a comment, sent by a rule: Meta delivers it as a direct message to the comment's author,
	 * named here as the recipient so it is found with their other messages.
	 */
	public static SendCommand privateReply(String accountId, String commenterId, String commentId, String text,
			String idempotencyKey, String ruleId) {
		return new SendCommand(accountId, commenterId, commentId, text, null, null, null, null, null, idempotencyKey,
				Source.AUTO_REPLY, ruleId);
	}

	/** An auto-reply with buttons or cards ({@code rich}), or a text when it is null, sent by a rule. */
	public static SendCommand autoReplyWith(String accountId, String recipientId, String text, RichContent rich,
			String idempotencyKey, String ruleId) {
		return new SendCommand(accountId, recipientId, null, rich == null ? text : null, null, null, rich, null, null,
				idempotencyKey, Source.AUTO_REPLY, ruleId);
	}

	/** An auto-reply: a text direct message sent by a rule, in answer to a message. */
	public static SendCommand autoReply(String accountId, String recipientId, String text, String replyTo,
			String idempotencyKey, String ruleId) {
		return new SendCommand(accountId, recipientId, null, text, null, null, null, replyTo, null, idempotencyKey,
				Source.AUTO_REPLY, ruleId);
	}

}
