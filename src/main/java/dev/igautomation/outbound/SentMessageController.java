package dev.igautomation.outbound;

import java.time.Instant;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists what an account sent through this service, from the send API and from auto-reply rules, with each
 * message's status.
 */
@RestController
@Validated
@Tag(name = "Sending")
@SecurityRequirement(name = "api_key")
class SentMessageController {

	private final SendRequests requests;

	private final Accounts accounts;

	SentMessageController(SendRequests requests, Accounts accounts) {
		this.requests = requests;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/accounts/{accountId}/sent-messages")
	@Operation(operationId = "listSentMessages", summary = "List the messages an account sent through this service",
			description = "Newest first: sends through the API and auto-replies, each with its status.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<SendController.StatusResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@PathVariable String accountId,
			@Parameter(description = "Only messages to this Instagram user (IGSID)", example = "1914732468584811")
			@RequestParam(name = "recipient_id", required = false) String recipientId,
			@Parameter(description = "Only messages from the send API, auto-reply rules or the console's inbox") @RequestParam(
					required = false) SourceParameter source,
			@Parameter(description = "Only auto-replies of this rule", example = "rule_01jfz6w8k3m2r5t7v9x1y3z5b7")
			@RequestParam(name = "rule_id", required = false) String ruleId,
			@Parameter(description = "Only messages in this status") @RequestParam(required = false) StatusParameter status,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		accounts.requireAccessible(caller, accountId);
		Instant before = null;
		String beforeId = null;
		if (cursor != null) {
			String[] parts = Cursor.decode(cursor, 2);
			before = Cursor.instant(parts[0]);
			beforeId = parts[1];
		}
		OutboundMessageQueries.Filter filter = new OutboundMessageQueries.Filter(recipientId,
				source == null ? null : source.name(), ruleId,
				status == null ? null : MessageStatus.of(status.name()));
		return Page.of(requests.list(accountId, filter, before, beforeId, limit + 1)
			.stream()
			.map(SendController.StatusResponse::of)
			.toList(), limit, message -> Cursor.encode(message.createdAt().toString(), message.messageId()));
	}


	/** The {@code source} filter. */
	enum SourceParameter {

		api, auto_reply, console

	}

	/** The {@code status} filter. */
	enum StatusParameter {

		pending, sending, sent, read, failed

	}

}
