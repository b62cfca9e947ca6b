package dev.igautomation.inbox;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What the conversations API answers. */
final class ConversationResponses {

	private ConversationResponses() {
	}

	record ConversationResponse(@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId,
			@Schema(description = "The Instagram user (IGSID)", example = "1914732468584811") String userId,
			@Schema(description = "From the user's profile, when Meta gives it", example = "ana.b") @Nullable String username,
			@Schema(example = "Ana B.") @Nullable String name,
			@Schema(description = "The newest message on one line; an attachment as [image], [video]...",
					example = "Hi! What's the price?") @Nullable String lastMessagePreview,
			@Schema(description = "inbound: the user wrote last; outbound: the account did",
					allowableValues = { "inbound", "outbound" }) String lastMessageDirection,
			Instant lastActivityAt,
			@Schema(description = "Messages from the user since the conversation was last read") int unreadCount,
			@Schema(description = "When Meta's 24-hour window closes; null if the user never wrote")
			@Nullable Instant windowClosesAt,
			@Schema(description = "Until when a person may answer with the HUMAN_AGENT tag (7 days after the user's "
					+ "last message); null if the user never wrote") @Nullable Instant humanAgentUntil,
			@Schema(description = "Whether auto-replies are paused for this user now") boolean botPaused,
			@Schema(description = "Until when; null while paused until resumed, or when not paused")
			@Nullable Instant botPausedUntil,
			@Schema(description = "The operator it is assigned to", example = "op_01jfz6w8k3m2r5t7v9x1y3z5b7")
			@Nullable String assigneeId,
			@Schema(description = "That operator's name", example = "Bo Agent") @Nullable String assigneeName,
			@Schema(description = "done: closed until the user writes again", allowableValues = { "open", "done" })
			String state,
			@Schema(description = "The first message of the conversation stored here") Instant firstSeenAt,
			long messageCount) {

		static ConversationResponse of(InboxConversation conversation) {
			return new ConversationResponse(conversation.accountId(), conversation.userId(), conversation.username(),
					conversation.name(), conversation.lastMessagePreview(), conversation.lastMessageDirection(),
					conversation.lastActivityAt(), conversation.unreadCount(), conversation.windowClosesAt(),
					conversation.humanAgentUntil(), conversation.botPaused(), conversation.botPausedUntil(),
					conversation.assigneeId(), conversation.assigneeName(), conversation.state(),
					conversation.firstSeenAt(), conversation.messageCount());
		}

	}

	record ThreadAttachmentResponse(
			@Schema(description = "image, video, audio, file, story_mention, share, ig_reel, ig_post...") String type,
			@Schema(description = "Meta's URL; it expires after a while") @Nullable String url,
			@Schema(description = "A shared post's or reel's title") @Nullable String title) {
	}

	record ThreadReactionResponse(@Schema(example = "❤️") @Nullable String emoji,
			@Schema(description = "Who reacted", allowableValues = { "user", "account" }) String by) {
	}

	record ThreadMessageResponse(@Schema(description = "evt_... for a stored event, msg_... for a message sent here")
	String id, @Schema(description = "When it was sent (for a send: accepted)") Instant at,
			@Schema(allowableValues = { "inbound", "outbound" }) String direction,
			@Schema(allowableValues = { "message", "postback", "referral" }) String kind, @Nullable String text,
			List<ThreadAttachmentResponse> attachments,
			@Schema(description = "The story a story reply answers") @Nullable String storyUrl,
			List<ThreadReactionResponse> reactions, @Schema(description = "The user took it back") boolean unsent,
			@Schema(description = "When the user last edited it; text is then the edited text")
			@Nullable Instant editedAt,
			@Schema(description = "Who wrote it",
					allowableValues = { "user", "auto_reply", "ai", "api", "console", "instagram_app" }) String source,
			@Schema(description = "The rule that sent an auto-reply") @Nullable String ruleId,
			@Schema(description = "That rule's name") @Nullable String ruleName,
			@Schema(description = "For messages sent through this service",
					allowableValues = { "pending", "sending", "sent", "read", "failed" }) @Nullable String status,
			@Schema(description = "Why it failed") @Nullable String statusReason,
			@Schema(description = "The tag it was sent with", example = "HUMAN_AGENT") @Nullable String tag) {

		static ThreadMessageResponse of(ThreadItem item) {
			return new ThreadMessageResponse(item.id(), item.at(), item.direction(), item.kind(), item.text(),
					item.attachments()
						.stream()
						.map(attachment -> new ThreadAttachmentResponse(attachment.type(), attachment.url(),
								attachment.title()))
						.toList(),
					item.storyUrl(), item.reactions()
						.stream()
						.map(reaction -> new ThreadReactionResponse(reaction.emoji(), reaction.by()))
						.toList(),
					item.unsent(), item.editedAt(), item.source(), item.ruleId(), item.ruleName(), item.status(),
					item.statusReason(), item.tag());
		}

	}

}
