package dev.igautomation.autoreply;

import org.jspecify.annotations.Nullable;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tries a message against an account's rules without sending anything: the console's "Try a message", as an API.
 */
@RestController
@Tag(name = "Auto-reply rules")
@SecurityRequirement(name = "api_key")
class RuleTestController {

	private final RuleTester tester;

	private final Accounts accounts;

	RuleTestController(RuleTester tester, Accounts accounts) {
		this.tester = tester;
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/accounts/{accountId}/rules/test")
	@Operation(operationId = "testRules", summary = "Try a message against the rules", description = """
			Which rule would answer this text, and its reply as it would be sent, by the same matching as a real \
			message; nothing is sent or recorded. With user_id, that user's pause and the rule's cooldown for them \
			count, and {username} and {name} come from their profile; without, they take the rule's fallback name. \
			For an ai rule, reply is the reply_text it falls back to: the model writes the real reply.""")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	RuleTestResponse test(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Valid @RequestBody RuleTestRequest request) {
		accounts.requireAccessible(caller, accountId);
		RuleTester.Outcome outcome = tester.test(accountId, request.text(), request.trigger(), request.userId());
		return new RuleTestResponse(outcome.ruleId(), outcome.ruleName(), outcome.action(), outcome.reply(),
				outcome.reason());
	}

	record RuleTestRequest(
			@Schema(description = "The message (or, for postback and quick_reply, the payload; for referral, the ref)", example = "how much?")
			@NotNull(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String text,
			@Schema(allowableValues = { "direct_message", "story_mention", "story_reply", "postback", "quick_reply",
					"comment", "referral" }, defaultValue = "direct_message")
			@Pattern(regexp = RuleFields.TRIGGERS, message = RuleFields.TRIGGER_MESSAGE)
			String trigger,
			@Schema(description = "An Instagram user (IGSID): their pause, cooldowns and profile count",
					example = "1914732468584811")
			@Pattern(regexp = "\\d{1,32}", message = "must be digits only") String userId) {
	}

	record RuleTestResponse(
			@Schema(description = "The rule that matches; null when none does", example = "rule_01jfz6w8k3m2r5t7v9x1y3z5b7")
			@Nullable String ruleId, @Schema(example = "Price") @Nullable String ruleName,
			@Schema(description = "text, or ai when a model writes the reply", allowableValues = { "text", "ai" })
			@Nullable String action,
			@Schema(description = "The reply as it would be sent; null when nothing would be",
					example = "Hi! Our prices are on https://acme.example/prices") @Nullable String reply,
			@Schema(description = "Why nothing would be sent, when nothing would",
					example = "None of the 3 enabled direct_message rules matches this text.") @Nullable String reason) {
	}

}
