package dev.igautomation.inbox;

import java.util.List;
import java.util.Locale;

import dev.igautomation.inbox.ConversationResponses.ConversationResponse;
import dev.igautomation.inbox.ConversationResponses.ThreadMessageResponse;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's conversations, one per Instagram user, for a CRM; the console's inbox shows the same. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/conversations")
@Validated
@Tag(name = "Inbox", description = """
		One conversation per Instagram user who wrote to the account (or was written to), newest activity first, with \
		its unread count, Meta's messaging windows, whether auto-replies are paused, its assignee and state; and its \
		thread: the user's messages, echoes and this service's sends in one timeline.""")
@SecurityRequirement(name = "api_key")
class ConversationController {

	private static final String USER_ID = "\\d{1,32}";

	private final Inbox inbox;

	ConversationController(Inbox inbox) {
		this.inbox = inbox;
	}

	/** The {@code filter} parameter. */
	enum FilterParameter {

		unread, assigned_to_me, bot_paused, window_open, done

	}

	@GetMapping
	@Operation(operationId = "listConversations", summary = "List an account's conversations",
			description = "Newest activity first. Without a filter, the open ones; filter=done lists those marked "
					+ "done. assigned_to_me needs an operator: API keys filter with assignee_id.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	@ErrorAnswer(status = 400, code = "filter_needs_operator",
			description = "filter=assigned_to_me asked with an API key.")
	Page<ConversationResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "Only these conversations") @RequestParam(required = false) FilterParameter filter,
			@Parameter(description = "Only those assigned to this operator", example = "op_01jfz6w8k3m2r5t7v9x1y3z5b7")
			@RequestParam(name = "assignee_id", required = false) @Size(max = 40) String assigneeId,
			@Parameter(description = "A part of the username, name or last message", example = "ana")
			@RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String search,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
		Inbox.Filter chosen = filter == null ? null : Inbox.Filter.valueOf(filter.name().toUpperCase(Locale.ROOT));
		Page<InboxConversation> page = inbox.list(caller,
				new Inbox.Listing(List.of(accountId), chosen, assigneeId, search, null), cursor, limit);
		return new Page<>(page.items().stream().map(ConversationResponse::of).toList(), page.nextCursor());
	}

	@GetMapping("/{userId}")
	@Operation(operationId = "getConversation", summary = "One conversation")
	@ErrorAnswer(status = 404, code = "conversation_not_found", description = "No conversation with this user.")
	ConversationResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId) {
		return ConversationResponse.of(inbox.get(caller, accountId, userId));
	}

	@GetMapping("/{userId}/messages")
	@Operation(operationId = "listConversationMessages", summary = "A conversation's messages, newest first",
			description = "The user's messages, echoes of what a person wrote in the Instagram app, and the messages "
					+ "sent through this service (with their source and status), merged in time order. Reactions, "
					+ "edits and unsends are shown on the message they change.")
	@ErrorAnswer(status = 404, code = "conversation_not_found", description = "No conversation with this user.")
	Page<ThreadMessageResponse> messages(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		Page<ThreadItem> page = inbox.thread(caller, accountId, userId, cursor, limit);
		return new Page<>(page.items().stream().map(ThreadMessageResponse::of).toList(), page.nextCursor());
	}

	@PostMapping("/{userId}/read")
	@Operation(operationId = "markConversationRead", summary = "Mark everything the user wrote so far as read",
			description = "For every operator of the account: the unread count becomes 0.")
	@ErrorAnswer(status = 404, code = "conversation_not_found", description = "No conversation with this user.")
	ConversationResponse read(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId) {
		return ConversationResponse.of(inbox.markRead(caller, accountId, userId));
	}

	record AssigneeRequest(@Schema(description = "The operator to assign; null to unassign",
			example = "op_01jfz6w8k3m2r5t7v9x1y3z5b7") @Size(max = 40, message = "must be at most 40 characters")
	@Nullable String assigneeId) {
	}

	@PutMapping("/{userId}/assignee")
	@Operation(operationId = "assignConversation", summary = "Assign the conversation to an operator, or unassign it")
	@ErrorAnswer(status = 404, code = "conversation_not_found", description = "No conversation with this user.")
	@ErrorAnswer(status = 422, code = "unknown_assignee",
			description = "No enabled operator with this id may work on the account.")
	ConversationResponse assign(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId,
			@Valid @RequestBody AssigneeRequest request) {
		return ConversationResponse.of(inbox.assign(caller, accountId, userId, request.assigneeId()));
	}

	/** The {@code state} of a conversation. */
	enum StateParameter {

		open, done

	}

	record StateRequest(@Schema(description = "done: closed until the user writes again")
	@NotNull(message = "must be open or done") StateParameter state) {
	}

	@PutMapping("/{userId}/state")
	@Operation(operationId = "setConversationState", summary = "Mark the conversation done, or open it again")
	@ErrorAnswer(status = 404, code = "conversation_not_found", description = "No conversation with this user.")
	ConversationResponse state(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId,
			@Valid @RequestBody StateRequest request) {
		return ConversationResponse.of(inbox.setState(caller, accountId, userId,
				request.state() == StateParameter.done));
	}

}
