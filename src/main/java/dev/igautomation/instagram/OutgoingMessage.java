package dev.igautomation.instagram;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message to send, in the Send API's shape: {@code recipient} (a user's IGSID, or a comment for a private reply),
 * the {@code message} itself, and optionally {@code reply_to} and a tag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutgoingMessage(Recipient recipient, Content message, ReplyTo replyTo, String messagingType,
		String tag) {

	/** Who receives it: a user ({@code id}) or the author of a comment ({@code comment_id}). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Recipient(String id, String commentId) {

		public static Recipient user(String igsid) {
			return new Recipient(igsid, null);
		}

		public static Recipient commentAuthor(String commentId) {
			return new Recipient(null, commentId);
		}

	}

	/** Text, or one attachment by URL, with optional quick replies. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Content(String text, Attachment attachment, List<QuickReply> quickReplies) {
	}

	/** An image, video, audio or file, fetched by Meta from {@code payload.url}. */
	public record Attachment(String type, Payload payload) {

		public record Payload(String url) {
		}

	}

	/** A button under the message; its payload comes back in the user's answer. */
	public record QuickReply(String contentType, String title, String payload) {

		public static QuickReply text(String title, String payload) {
			return new QuickReply("text", title, payload);
		}

	}

	/** The message this one answers. */
	public record ReplyTo(String mid) {
	}

}
