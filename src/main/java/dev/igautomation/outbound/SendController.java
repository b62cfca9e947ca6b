package dev.igautomation.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.igautomation.account.Accounts;
import dev.igautomation.optout.OptOuts;
import dev.igautomation.outbound.RichContent.Card;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.HttpUrl;
import dev.igautomation.system.InvalidRequest;
import dev.igautomation.system.MaxUtf8Bytes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * The send API: the CRM sends a message and polls its status.
 */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Sending", description = "Send messages through the Graph API, exactly once per idempotency key")
@SecurityRequirement(name = "api_key")
class SendController {

	private final SendRequests requests;

	private final Accounts accounts;

	private final OptOuts optOuts;

	SendController(SendRequests requests, Accounts accounts, OptOuts optOuts) {
		this.requests = requests;
		this.accounts = accounts;
		this.optOuts = optOuts;
	}

	@PostMapping("/send")
	@Operation(operationId = "sendMessage", summary = "Send a message", description = """
			Send a text (`message`, with an attachment or quick replies), or instead `buttons` (a text with up to 3 \
			buttons), `cards` (up to 10, a carousel) or a `reaction` to one of the user's messages; Meta's limits are \
			checked first and each violation is a 400 naming the field's path (`cards[3].buttons[0].title`). \
			Stores the message, makes a first attempt, and answers 202 with the status known then; failed attempts \
			that may succeed later are retried. Send an idempotency key (the `Idempotency-Key` header or the \
			`idempotency_key` field) so a retried request sends nothing twice: the same key with the same request \
			returns the original message_id (header `Idempotent-Replayed: true`); with a different request it is 422; \
			while the first request is still being answered, 409. Keys are kept as long as the message (at least 24 \
			hours; this service keeps them indefinitely), one set per account.""",
			responses = @ApiResponse(responseCode = "202", description = "Accepted",
					headers = @Header(name = "Idempotent-Replayed",
							description = "true when this answers an earlier request with the same key")))
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	@ErrorAnswer(status = 409, code = "request_in_progress",
			description = "The first request with this key is still being answered: retry shortly.")
	@ErrorAnswer(status = 422, code = "idempotency_key_reused",
			description = "The key was used for a different request; or outside_messaging_window (the user last wrote "
					+ "over 24 h ago, 7 days with HUMAN_AGENT); or account_token_invalid (set a new access token).")
	@ErrorAnswer(status = 429, code = "rate_limited", description = "Too many requests for this API key.")
	ResponseEntity<SendResponse> send(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@Parameter(description = "Makes retries of this request safe; or use the idempotency_key field",
					example = "crm-8f14e45f") @RequestHeader(name = "Idempotency-Key", required = false) String keyHeader,
			@Valid @RequestBody SendRequest request) {
		String key = idempotencyKey(keyHeader, request.idempotencyKey());
		RichContent rich = request.rich();
		if (rich == null && request.message() == null && request.attachment() == null) {
			throw new InvalidRequest("message", "is required unless an attachment, buttons, cards or a reaction is sent");
		}
		if (request.quickReplies() != null && !request.quickReplies().isEmpty() && request.message() == null) {
			throw new InvalidRequest("quick_replies", "need a message text to go with them");
		}
		if (rich instanceof RichContent.Reaction && request.tag() != null) {
			throw new InvalidRequest("tag", "applies to messages, not to reactions: leave it out");
		}
		if (rich != null) {
			RichContent.check(request.buttons() != null ? "buttons" : "cards", rich);
		}
		accounts.requireSendable(caller, request.accountId());
		Outbound.Accepted accepted = requests.accept(new SendCommand(request.accountId(), request.recipientId(), null,
				request.message(), request.attachment() == null ? null
						: new SendCommand.Attachment(request.attachment().type(), request.attachment().url()),
				request.quickReplies() == null ? null : request.quickReplies().stream()
					.map(reply -> new SendCommand.QuickReply(reply.title(), reply.payload()))
					.toList(),
				rich, request.replyTo(), request.tag(), key, SendCommand.Source.API, null));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/messages/" + accepted.messageId() + "/status"));
		if (accepted.replayed()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(new SendResponse(accepted.messageId(), accepted.status().value(), accepted.createdAt(),
				optOuts.optedOutRecently(request.accountId(), request.recipientId())));
	}

	@GetMapping("/{messageId}/status")
	@Operation(operationId = "getMessageStatus", summary = "Get a message's status",
			description = "pending → sending → sent → read, or failed with Meta's error code and message.")
	@ErrorAnswer(status = 404, code = "message_not_found", description = "No such message for this API key.")
	StatusResponse status(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String messageId) {
		OutboundMessage message = requests.find(messageId)
			.filter(found -> caller.canAccess(found.accountId()))
			.orElseThrow(() -> new UnknownOutboundMessage(messageId));
		return StatusResponse.of(message);
	}

	private static String idempotencyKey(String header, String field) {
		if (header != null && field != null && !header.equals(field)) {
			throw new InvalidRequest("idempotency_key",
					"differs from the Idempotency-Key header: send the key once, or the same in both");
		}
		String key = header != null ? header : field;
		if (key != null && (key.isBlank() || key.length() > 255)) {
			throw new InvalidRequest("idempotency_key", "must be 1 to 255 characters");
		}
		return key;
	}

	record SendRequest(
			@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") @NotBlank(message = "is required") String accountId,
			@Schema(description = "The user's Instagram-scoped id (IGSID), the sender_id of their messages",
					example = "1914732468584811")
			@NotNull(message = "is required") @Pattern(regexp = "\\d{1,32}", message = "must be digits only")
			String recipientId,
			@Schema(description = "The text; at most 1000 bytes in UTF-8", example = "Hi Jane! It is 49 EUR.")
			@Size(min = 1, message = "must not be empty") @MaxUtf8Bytes(1000) String message,
			@Valid @Schema(description = "An image, video, audio or file (PDF) by URL") SendAttachment attachment,
			@Size(max = 13, message = "must be at most 13") List<@Valid SendQuickReply> quickReplies,
			@Schema(description = "The mid of the message this answers", example = "aWdfZAG1faWQ6MTpJR01lc3NhZA2VUaHJlYWQ6")
			@Size(max = 512, message = "must be at most 512 characters") String replyTo,
			@Schema(description = "HUMAN_AGENT: a person answering, allowed up to 7 days after the user's last message",
					allowableValues = "HUMAN_AGENT")
			@Pattern(regexp = "HUMAN_AGENT", message = "must be HUMAN_AGENT (the only tag Instagram accepts)")
			String tag,
			@Valid @Schema(description = "A text with up to 3 buttons (Meta's button template), instead of message")
			RichContent.ButtonMessage buttons,
			@Schema(description = "Up to 10 cards, shown as a carousel (Meta's generic template), instead of message")
			@Size(min = 1, max = RichContent.MAX_CARDS, message = "must be 1 to 10 cards (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Card> cards,
			@Valid @Schema(description = "React to one of the user's messages, or take the reaction back")
			RichContent.Reaction reaction,
			@Schema(description = "Instead of the Idempotency-Key header", example = "crm-8f14e45f") String idempotencyKey) {

		/** The one kind of rich content sent, if any; more than one, or one with text or an attachment, is refused. */
		RichContent rich() {
			List<String> kinds = new java.util.ArrayList<>();
			if (buttons != null) {
				kinds.add("buttons");
			}
			if (cards != null) {
				kinds.add("cards");
			}
			if (reaction != null) {
				kinds.add("reaction");
			}
			if (kinds.isEmpty()) {
				return null;
			}
			if (kinds.size() > 1) {
				throw new InvalidRequest(kinds.get(1), "cannot be sent with " + kinds.get(0) + ": send one kind of message");
			}
			for (String other : new String[] { message == null ? null : "message", attachment == null ? null : "attachment",
					quickReplies == null ? null : "quick_replies",
					replyTo == null || reaction == null ? null : "reply_to" }) {
				if (other != null) {
					throw new InvalidRequest(other, "cannot be sent with " + kinds.get(0) + ": leave it out");
				}
			}
			return buttons != null ? buttons : cards != null ? new RichContent.Carousel(cards) : reaction;
		}

	}

	record SendAttachment(
			@Schema(allowableValues = { "image", "video", "audio", "file" }, example = "image")
			@NotNull(message = "is required")
			@Pattern(regexp = "image|video|audio|file", message = "must be image, video, audio or file") String type,
			@Schema(example = "https://cdn.example.com/dress.jpg") @NotNull(message = "is required") @HttpUrl String url) {
	}

	record SendQuickReply(
			@Schema(example = "Yes please") @NotBlank(message = "is required")
			@Size(max = 20, message = "must be at most 20 characters") String title,
			@Schema(example = "ORDER_YES") @NotBlank(message = "is required")
			@Size(max = 1000, message = "must be at most 1000 characters") String payload) {
	}

	record SendResponse(@Schema(example = "msg_01jfz6w8k3m2r5t7v9x1y3z5b7") String messageId,
			@Schema(allowableValues = { "pending", "sending", "sent", "read", "failed" }) String status,
			Instant createdAt,
			@Schema(description = "true when the user opted out of automated messages (wrote STOP): the message is "
					+ "sent all the same, as a person's; make sure they want it") boolean optedOut) {
	}

	record StatusResponse(@Schema(example = "msg_01jfz6w8k3m2r5t7v9x1y3z5b7") String messageId, String accountId,
			String recipientId,
			@Schema(allowableValues = { "pending", "sending", "sent", "read", "failed" }) String status,
			@Schema(description = "Instagram's mid, once sent") @Nullable String instagramMessageId,
			@Schema(description = "Meta's error code of the last failed attempt", example = "100") @Nullable Integer errorCode,
			@Nullable Integer errorSubcode, @Nullable String errorMessage, @Nullable String fbtraceId,
			@Schema(description = "Attempts made so far") int attempts,
			@Schema(description = "When the next attempt is due, while retrying") @Nullable Instant nextAttemptAt,
			@Schema(description = "api, auto_reply or console") String source,
			@Schema(description = "The auto-reply rule that sent it") @Nullable String ruleId,
			@Schema(description = "The text sent", example = "Hi Jane! It is 49 EUR.") @Nullable String text, Instant createdAt,
			Instant updatedAt, @Nullable Instant sentAt, @Nullable Instant readAt) {

		static StatusResponse of(OutboundMessage message) {
			return new StatusResponse(message.id(), message.accountId(), message.recipientId(),
					message.status().value(), message.instagramMessageId(), message.errorCode(),
					message.errorSubcode(), message.errorMessage(), message.fbtraceId(), message.attempts(),
					message.nextAttemptAt(), message.source(), message.ruleId(), message.text(), message.createdAt(),
					message.updatedAt(), message.sentAt(), message.readAt());
		}

	}

}
