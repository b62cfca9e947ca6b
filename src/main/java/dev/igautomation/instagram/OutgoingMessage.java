package dev.igautomation.instagram;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to Meta's Send API, in its shape: {@code recipient} (a user's IGSID, or a comment for a private reply),
 * and either the {@code message} itself (with optionally {@code reply_to} and a tag) or a {@code sender_action}
 * (typing, seen, a reaction with its {@code payload}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutgoingMessage(Recipient recipient, Content message, ReplyTo replyTo, String messagingType,
		String tag, String senderAction, ActionPayload payload) {

	/** A message (rather than a sender action). */
	public static OutgoingMessage ofMessage(Recipient recipient, Content message, ReplyTo replyTo,
			String messagingType, String tag) {
		return new OutgoingMessage(recipient, message, replyTo, messagingType, tag, null, null);
	}

	/** A sender action ({@code typing_on}, {@code typing_off}, {@code mark_seen}) shown to a user. */
	public static OutgoingMessage ofSenderAction(String userId, String action) {
		return new OutgoingMessage(Recipient.user(userId), null, null, null, null, action, null);
	}

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

	/** Text, or one attachment (by URL, or a template), with optional quick replies. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Content(String text, Attachment attachment, List<QuickReply> quickReplies) {
	}

	/**
	 * An image, video, audio or file, fetched by Meta from {@code payload.url}; or a {@code template}: the button
	 * template ({@code template_type} button, {@code text}, {@code buttons}) or the generic template
	 * ({@code template_type} generic, {@code elements}, shown as a carousel).
	 */
	public record Attachment(String type, Payload payload) {

		public static Attachment buttons(String text, List<Button> buttons) {
			return new Attachment("template", new Payload(null, "button", text, buttons, null));
		}

		public static Attachment generic(List<Element> elements) {
			return new Attachment("template", new Payload(null, "generic", null, null, elements));
		}

		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record Payload(String url, String templateType, String text, List<Button> buttons,
				List<Element> elements) {

			public static Payload ofUrl(String url) {
				return new Payload(url, null, null, null, null);
			}

		}

	}

	/** A template's button: {@code web_url} opens {@code url}, {@code postback} sends {@code payload} back. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Button(String type, String title, String url, String payload) {
	}

	/** One card of a generic template. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Element(String title, String subtitle, String imageUrl, DefaultAction defaultAction,
			List<Button> buttons) {
	}

	/** What tapping a card opens. */
	public record DefaultAction(String type, String url) {
	}

	/** The object of a reaction: the user's message, and the reaction (absent to take it back). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ActionPayload(String messageId, String reaction) {
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
