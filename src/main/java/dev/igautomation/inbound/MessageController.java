package dev.igautomation.inbound;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Reads an account's stored events: its conversations, newest first.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/messages")
@Validated
@Tag(name = "Messages", description = "Everything Meta's webhooks delivered for an account")
@SecurityRequirement(name = "api_key")
class MessageController {

	private final MessageQueries messages;

	private final Accounts accounts;

	private final JsonMapper json;

	MessageController(MessageQueries messages, Accounts accounts, JsonMapper json) {
		this.messages = messages;
		this.accounts = accounts;
		this.json = json;
	}

	@GetMapping
	@Operation(operationId = "listMessages",
			summary = "List an account's messages and events", description = "Newest first, by the events' own "
			+ "timestamps. Echoes are the account's own messages, sent from here or from the Instagram app.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<MessageResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "Only the conversation with this Instagram user (IGSID)",
					example = "1914732468584811") @RequestParam(name = "user_id", required = false) String userId,
			@Parameter(description = "Only events from users (inbound) or from the account (outbound)") @RequestParam(
					required = false) DirectionParameter direction,
			@Parameter(description = "Only this kind of event") @RequestParam(required = false) KindParameter kind,
			@Parameter(description = "Only events at or after this time (ISO 8601)",
					example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
							iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			@Parameter(description = "Only events before this time (ISO 8601)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		AccountSummary account = accounts.requireAccessible(caller, accountId);
		MessageQueries.Position after = null;
		if (cursor != null) {
			String[] parts = Cursor.decode(cursor, 2);
			after = new MessageQueries.Position(Cursor.instant(parts[0]), parts[1]);
		}
		MessageQueries.Filter filter = new MessageQueries.Filter(userId,
				direction == null ? null : Direction.of(direction.name()), kind == null ? null : EventKind.of(kind.name()),
				since, until);
		return Page.of(messages.list(account.instagramAccountId(), filter, after, limit + 1).stream()
			.map(event -> MessageResponse.of(event, json, false))
			.toList(), limit, message -> Cursor.encode(message.timestamp().toString(), message.id()));
	}

	@GetMapping("/{messageId}")
	@Operation(operationId = "getMessage",
			summary = "Get a message by its Instagram message id (mid)", description = "With the raw event.")
	@ErrorAnswer(status = 404, code = "message_not_found", description = "No message with this mid.")
	MessageResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String messageId) {
		AccountSummary account = accounts.requireAccessible(caller, accountId);
		StoredEvent event = messages.byMid(account.instagramAccountId(), messageId)
			.orElseThrow(() -> new UnknownMessage(messageId));
		return MessageResponse.of(event, json, true);
	}


	/** The {@code direction} filter. */
	enum DirectionParameter {

		inbound, outbound

	}

	/** The {@code kind} filter. */
	enum KindParameter {

		message, echo, message_deleted, message_edited, reaction, read, postback, referral, comment, test, unknown,
		invalid

	}

	record MessageResponse(@Schema(description = "This service's id of the event",
			example = "evt_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(description = "Instagram's message id (mid), for events that are a message") @Nullable String messageId,
			@Schema(example = "message") String kind, @Schema(example = "inbound") String direction,
			@Schema(description = "The Instagram user of the conversation", example = "1914732468584811") @Nullable String userId,
			@Nullable String senderId, @Nullable String recipientId, @Schema(example = "Hi! How much is the blue dress?") @Nullable String text,
			@Schema(description = "What the message carries (images, shared posts...); empty when nothing")
			List<JsonNode> attachments,
			@Schema(description = "The fields of its kind: reply_to, quick_reply, reaction, referral...") @Nullable JsonNode details,
			@Schema(description = "The event's own time; when Meta's was missing, unreadable or implausible, the time it "
					+ "arrived (see timestamp_adjusted, and details.original_timestamp)") Instant timestamp,
			Instant receivedAt, boolean standby,
			@Schema(description = "Whether timestamp is the time of arrival rather than Meta's") boolean timestampAdjusted,
			@Schema(description = "How it reached the service: webhook, import (history read when the account was "
					+ "connected) or recovered (no webhook delivered it)",
					allowableValues = { "webhook", "import", "recovered" }) String source,
			@Schema(description = "For kind invalid: why the event could not be stored as what it is")
			@Nullable String problem,
			@Schema(description = "The event as Meta sent it (only when getting one message)")
			@JsonInclude(JsonInclude.Include.NON_NULL) JsonNode raw) {

		static MessageResponse of(StoredEvent event, JsonMapper json, boolean withRaw) {
			return new MessageResponse(event.id(), event.mid(), event.kind().value(), event.direction().value(),
					event.userId(), event.senderId(), event.recipientId(), event.text(), list(json, event.attachments()),
					tree(json, event.details()), event.timestamp(), event.receivedAt(), event.standby(),
					event.timestampAdjusted(), event.source().value(), event.problem(),
					withRaw ? tree(json, event.raw()) : null);
		}

		private static List<JsonNode> list(JsonMapper json, String value) {
			List<JsonNode> items = new java.util.ArrayList<>();
			if (value != null) {
				json.readTree(value).forEach(items::add);
			}
			return items;
		}

		private static JsonNode tree(JsonMapper json, String value) {
			return value == null ? null : json.readTree(value);
		}

	}

}
