package dev.igautomation.autoreply;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.MaxUtf8Bytes;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * An account's auto-reply rules.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/rules")
@Validated
@Tag(name = "Auto-reply rules", description = """
		Rules answer users' messages. For each message, the account's enabled rules for its trigger are tried by \
		ascending priority (oldest first on a tie) and the first that matches answers; matching ignores case and \
		surrounding whitespace. A rule cooling down for that user answers nothing, and no later rule answers \
		instead. Nothing is answered while auto-replies are paused for the user (see Contacts).""")
@SecurityRequirement(name = "api_key")
class RuleController {

	private static final String TRIGGERS = RuleFields.TRIGGERS;

	private static final String TRIGGER_NAMES = RuleFields.TRIGGER_MESSAGE;

	private static final String MATCH_TYPES = RuleFields.MATCH_TYPES;

	private final Rules rules;

	private final Accounts accounts;

	RuleController(Rules rules, Accounts accounts) {
		this.rules = rules;
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createRule",
			summary = "Add a rule", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = {
					@ExampleObject(name = "contains", summary = "A keyword anywhere in the message", value = """
							{"name": "Price", "match_type": "contains", "pattern": "price",
							 "reply_text": "Hi {username}! Our prices are on https://acme.example/prices", "priority": 10}"""),
					@ExampleObject(name = "exact", summary = "The whole message, and only it", value = """
							{"name": "Hours", "match_type": "exact", "pattern": "hours",
							 "reply_text": "We are open 9 to 18, Monday to Saturday.", "priority": 20}"""),
					@ExampleObject(name = "regex", summary = "A regular expression, with a cooldown", value = """
							{"name": "Shipping", "match_type": "regex", "pattern": "\\\\b(ship|deliver)(ping|y)?\\\\b",
							 "reply_text": "Hi {name}, we ship in 2 days.", "fallback_name": "friend",
							 "priority": 30, "cooldown_minutes": 60}"""),
					@ExampleObject(name = "any", summary = "A default reply for every other message", value = """
							{"name": "Default", "match_type": "any",
							 "reply_text": "Thanks {username}! We will answer soon.", "priority": 1000,
							 "cooldown_minutes": 1440}"""),
					@ExampleObject(name = "postback", summary = "An ice breaker or button, by its payload", value = """
							{"name": "Ice breaker: catalogue", "trigger": "postback", "match_type": "exact",
							 "pattern": "CATALOGUE", "reply_text": "Here is our catalogue: https://acme.example/c"}"""),
					@ExampleObject(name = "comment", summary = "Comment-to-DM: a private reply to a comment", value = """
							{"name": "Comment: price", "trigger": "comment", "match_type": "contains",
							 "pattern": "price", "reply_text": "Hi {username}! Here is the price list: https://acme.example/p",
							 "media_ids": ["18023345678901234"]}"""),
					@ExampleObject(name = "ai", summary = "A reply written by an AI model, with a fixed fallback",
							value = """
									{"name": "Assistant", "match_type": "any", "action": "ai", "priority": 500,
									 "ai_instructions": "You are the assistant of Acme, a clothes shop. Answer questions about sizes, prices and delivery; for anything else, say a person will answer soon.",
									 "reply_text": "Thanks {username}! A person will answer soon."}"""),
					@ExampleObject(name = "story_mention", summary = "Thanks for a story mention", value = """
							{"name": "Story thanks", "trigger": "story_mention", "match_type": "any",
							 "reply_text": "Thanks for the mention, {username}!"}""") })))
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ResponseEntity<RuleResponse> create(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Valid @RequestBody CreateRuleRequest request) {
		accounts.requireAccessible(caller, accountId);
		RuleDetails rule = rules.create(accountId, new Rules.Fields(request.name(), request.trigger(), request.matchType(),
				request.pattern(), request.replyText(), request.fallbackName(), request.priority(), request.enabled(),
				request.cooldownMinutes(), request.mediaIds(), request.action(), request.aiInstructions()));
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/rules/" + rule.id()))
			.body(RuleResponse.of(rule));
	}

	@GetMapping
	@Operation(operationId = "listRules",
			summary = "List rules", description = "In the order they are tried: by priority, then oldest first.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<RuleResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		accounts.requireAccessible(caller, accountId);
		Integer afterPriority = null;
		String afterId = null;
		if (cursor != null) {
			String[] parts = Cursor.decode(cursor, 2);
			afterPriority = parsePriority(parts[0]);
			afterId = parts[1];
		}
		return Page.of(rules.list(accountId, afterPriority, afterId, limit + 1).stream().map(RuleResponse::of).toList(),
				limit, rule -> Cursor.encode(String.valueOf(rule.priority()), rule.id()));
	}

	@GetMapping("/{ruleId}")
	@Operation(operationId = "getRule", summary = "Get a rule")
	@ErrorAnswer(status = 404, code = "rule_not_found", description = "No such rule, or no such account for this key.")
	RuleResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String ruleId) {
		accounts.requireAccessible(caller, accountId);
		return RuleResponse.of(rules.get(accountId, ruleId));
	}

	@PatchMapping("/{ruleId}")
	@Operation(operationId = "updateRule",
			summary = "Change a rule", description = "Send only the fields to change; cooldown_minutes 0 removes "
			+ "the cooldown, an empty fallback_name goes back to leaving unknown placeholders out.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "disable", summary = "Switch a rule off", value = "{\"enabled\": false}"),
					@ExampleObject(name = "reorder", summary = "Try it before the others",
							value = "{\"priority\": 1}") })))
	@ErrorAnswer(status = 404, code = "rule_not_found", description = "No such rule, or no such account for this key.")
	RuleResponse update(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String ruleId, @Valid @RequestBody UpdateRuleRequest request) {
		accounts.requireAccessible(caller, accountId);
		return RuleResponse.of(rules.update(accountId, ruleId, new Rules.Fields(request.name(), request.trigger(),
				request.matchType(), request.pattern(), request.replyText(), request.fallbackName(), request.priority(),
				request.enabled(), request.cooldownMinutes(), request.mediaIds(), request.action(),
				request.aiInstructions())));
	}

	@DeleteMapping("/{ruleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteRule", summary = "Remove a rule")
	@ErrorAnswer(status = 404, code = "rule_not_found", description = "No such rule, or no such account for this key.")
	void delete(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String ruleId) {
		accounts.requireAccessible(caller, accountId);
		rules.delete(accountId, ruleId);
	}

	private static Integer parsePriority(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new Cursor.InvalidCursor();
		}
	}

	record CreateRuleRequest(
			@Schema(description = "What the rule is for", example = "Price") @NotBlank(message = "is required")
			@Size(max = 100, message = "must be at most 100 characters") String name,
			@Schema(description = "What kind of message it answers; postback and quick_reply are matched on their "
					+ "payload", allowableValues = { "direct_message", "story_mention", "story_reply", "postback",
							"quick_reply", "comment" }, defaultValue = "direct_message")
			@jakarta.validation.constraints.Pattern(regexp = TRIGGERS,
					message = TRIGGER_NAMES)
			String trigger,
			@Schema(allowableValues = { "exact", "contains", "regex", "any" }, example = "contains")
			@NotNull(message = "is required")
			@jakarta.validation.constraints.Pattern(regexp = MATCH_TYPES,
					message = RuleFields.MATCH_TYPE_MESSAGE) String matchType,
			@Schema(description = "What the message must be (exact), contain (contains) or match (regex, Java "
					+ "syntax); case is ignored. Left out for any.", example = "price")
			@Size(max = 500, message = "must be at most 500 characters") String pattern,
			@Schema(description = "The answer; {username} and {name} become the user's Instagram username and name",
					example = "Hi {username}! Our prices are on https://acme.example/prices")
			@NotBlank(message = "is required") @MaxUtf8Bytes(1000) String replyText,
			@Schema(description = "What {username} and {name} become when the profile cannot be fetched. Left out: "
					+ "the placeholder is left out with the space before it (\"Thanks {username}!\" becomes "
					+ "\"Thanks!\")", example = "friend")
			@Size(max = 100, message = "must be at most 100 characters") String fallbackName,
			@Schema(description = "Lower is tried first", defaultValue = "100", example = "10")
			@Min(value = 1, message = "must be 1 or more")
			@Max(value = 1_000_000, message = "must be at most 1000000") Integer priority,
			@Schema(defaultValue = "true") Boolean enabled,
			@Schema(description = "Minutes the rule stays quiet for a user it answered; 0 or left out for none",
					example = "60")
			@Min(value = 0, message = "must be 0 or more")
			@Max(value = 525_600, message = "must be at most 525600 (a year)") Integer cooldownMinutes,
			@Schema(description = "With trigger comment: only comments on these posts (media ids); left out for all",
					example = "[\"18023345678901234\"]")
			@Size(max = 50, message = "must be at most 50") List<@jakarta.validation.constraints.Pattern(
					regexp = "\\d{1,32}", message = "must be digits only") String> mediaIds,
			@Schema(description = "text: answer with reply_text; ai: an AI model writes the answer from ai_instructions "
					+ "and the conversation, and reply_text is sent if it fails", allowableValues = { "text", "ai" },
					defaultValue = "text")
			@jakarta.validation.constraints.Pattern(regexp = RuleFields.ACTIONS, message = RuleFields.ACTION_MESSAGE) String action,
			@Schema(description = "With action ai: what the model should do",
					example = "You are the assistant of Acme, a clothes shop. Answer questions about sizes and delivery.")
			@Size(max = 4000, message = "must be at most 4000 characters") String aiInstructions) {
	}

	record UpdateRuleRequest(@Schema(example = "Price")
	@Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
			@Schema(allowableValues = { "direct_message", "story_mention", "story_reply", "postback", "quick_reply",
					"comment" })
			@jakarta.validation.constraints.Pattern(regexp = TRIGGERS,
					message = TRIGGER_NAMES)
			String trigger,
			@Schema(allowableValues = { "exact", "contains", "regex", "any" })
			@jakarta.validation.constraints.Pattern(regexp = MATCH_TYPES,
					message = RuleFields.MATCH_TYPE_MESSAGE) String matchType,
			@Size(max = 500, message = "must be at most 500 characters") String pattern,
			@Size(min = 1, message = "must not be empty") @MaxUtf8Bytes(1000) String replyText,
			@Size(max = 100, message = "must be at most 100 characters") String fallbackName,
			@Min(value = 1, message = "must be 1 or more")
			@Max(value = 1_000_000, message = "must be at most 1000000") Integer priority,
			Boolean enabled,
			@Min(value = 0, message = "must be 0 or more")
			@Max(value = 525_600, message = "must be at most 525600 (a year)") Integer cooldownMinutes,
			@Size(max = 50, message = "must be at most 50") List<@jakarta.validation.constraints.Pattern(
					regexp = "\\d{1,32}", message = "must be digits only") String> mediaIds,
			@jakarta.validation.constraints.Pattern(regexp = RuleFields.ACTIONS, message = RuleFields.ACTION_MESSAGE) String action,
			@Size(max = 4000, message = "must be at most 4000 characters") String aiInstructions) {
	}

	record RuleResponse(@Schema(example = "rule_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId, String name,
			@Schema(example = "direct_message") String trigger, @Schema(example = "contains") String matchType,
			@Schema(example = "price") @Nullable String pattern,
			@Schema(example = "Hi {username}! Our prices are on https://acme.example/prices") String replyText,
			@Nullable String fallbackName, int priority, boolean enabled, @Nullable Integer cooldownMinutes,
			@Schema(description = "With trigger comment: the posts it answers; empty for all") List<String> mediaIds,
			@Schema(allowableValues = { "text", "ai" }) String action, @Nullable String aiInstructions, Instant createdAt,
			Instant updatedAt) {

		static RuleResponse of(RuleDetails rule) {
			return new RuleResponse(rule.id(), rule.accountId(), rule.name(), rule.trigger().value(),
					rule.matchType().value(), rule.pattern(), rule.replyText(), rule.fallbackName(), rule.priority(),
					rule.enabled(), rule.cooldown() == null ? null : (int) rule.cooldown().toMinutes(), rule.mediaIds(),
					rule.action().value(), rule.aiInstructions(), rule.createdAt(), rule.updatedAt());
		}

	}

}
