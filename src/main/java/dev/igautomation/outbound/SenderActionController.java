package dev.igautomation.outbound;

import java.util.Locale;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sender actions through the API: a typing indicator, or the conversation marked seen.
 */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Sending")
@SecurityRequirement(name = "api_key")
class SenderActionController {

	private final SenderActions actions;

	private final Accounts accounts;

	SenderActionController(SenderActions actions, Accounts accounts) {
		this.actions = actions;
		this.accounts = accounts;
	}

	@PostMapping("/actions")
	@Operation(operationId = "sendSenderAction", summary = "Show typing or mark seen", description = """
			Shows the user a typing indicator (typing_on, until typing_off, a message, or about 20 seconds) or marks \
			their messages seen (mark_seen), at once. Nothing is stored or retried; the messaging window applies as \
			for messages (24 hours after the user's last message).""")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	@ErrorAnswer(status = 422, code = "outside_messaging_window",
			description = "The user last wrote over 24 h ago; or account_token_invalid (set a new access token).")
	@ErrorAnswer(status = 429, code = "rate_limited", description = "Too many requests for this API key.")
	@ErrorAnswer(status = 502, code = "sender_action_failed",
			description = "Meta refused the action or did not answer; Meta's error code and message are given.")
	ActionResponse act(@AuthenticationPrincipal ApiKeyPrincipal caller, @Valid @RequestBody ActionRequest request) {
		accounts.requireSendable(caller, request.accountId());
		SenderActions.Action action = SenderActions.Action.valueOf(request.action().toUpperCase(Locale.ROOT));
		actions.show(request.accountId(), request.recipientId(), action);
		return new ActionResponse(request.recipientId(), action.value());
	}

	record ActionRequest(
			@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") @NotBlank(message = "is required") String accountId,
			@Schema(description = "The user's Instagram-scoped id (IGSID)", example = "1914732468584811")
			@NotNull(message = "is required") @Pattern(regexp = "\\d{1,32}", message = "must be digits only")
			String recipientId,
			@Schema(allowableValues = { "typing_on", "typing_off", "mark_seen" }, example = "typing_on")
			@NotNull(message = "is required")
			@Pattern(regexp = "typing_on|typing_off|mark_seen", message = "must be typing_on, typing_off or mark_seen")
			String action) {
	}

	record ActionResponse(@Schema(example = "1914732468584811") String recipientId,
			@Schema(allowableValues = { "typing_on", "typing_off", "mark_seen" }) String action) {
	}

}
