package dev.igautomation.autoreply;

import java.net.URI;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
					@ExampleObject(name = "cards", summary = "A carousel of products, after a typing indicator",
							value = """
									{"name": "Menu", "match_type": "exact", "pattern": "menu", "typing_seconds": 2,
									 "cards": [{"title": "Summer dress", "subtitle": "49 EUR", "image_url": "https://cdn.example.com/dress.jpg",
									            "buttons": [{"type": "postback", "title": "Order", "payload": "ORDER_DRESS"}]},
									           {"title": "Straw hat", "subtitle": "19 EUR", "default_url": "https://acme.example/hat"}]}"""),
					@ExampleObject(name = "buttons", summary = "A text with buttons", value = """
							{"name": "Help", "match_type": "contains", "pattern": "help", "reply_text": "How can we help?",
							 "buttons": [{"type": "postback", "title": "Talk to a person", "payload": "HUMAN"},
							             {"type": "web_url", "title": "Our FAQ", "url": "https://acme.example/faq"}]}"""),
					@ExampleObject(name = "referral", summary = "An ig.me link or an ad starts a flow", value = """
							{"name": "Spring sale link", "trigger": "referral", "match_type": "exact",
							 "pattern": "spring-sale", "reply_text": "Welcome! Here is the spring sale: https://acme.example/sale"}"""),
					@ExampleObject(name = "comment", summary = "Comment-to-DM: a private reply, and a public one", value = """
							{"name": "Comment: price", "trigger": "comment", "match_type": "contains",
							 "pattern": "price", "reply_text": "Hi {username}! Here is the price list: https://acme.example/p",
							 "media_ids": ["18023345678901234"], "excluded_words": ["giveaway"],
							 "public_replies": ["Sent you a DM!", "Check your messages", "Just wrote to you"]}"""),
					@ExampleObject(name = "ai", summary = "A reply written by an AI model, with a fixed fallback",
							value = """
									{"name": "Assistant", "match_type": "any", "action": "ai", "priority": 500,
									 "ai_instructions": "You are the assistant of Acme, a clothes shop. Answer questions about sizes, prices and delivery; for anything else, say a person will answer soon.",
									 "reply_text": "Thanks {username}! A person will answer soon."}"""),
					@ExampleObject(name = "story_mention", summary = "Thanks for a story mention", value = """
							{"name": "Story thanks", "trigger": "story_mention", "match_type": "any",
							 "reply_text": "Thanks for the mention, {username}!"}""") })))
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ResponseEntity<RuleBodies.RuleResponse> create(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Valid @RequestBody RuleBodies.CreateRuleRequest request) {
		accounts.requireAccessible(caller, accountId);
		RuleDetails rule = rules.create(accountId, new Rules.Fields(request.name(), request.trigger(), request.matchType(),
				request.pattern(), request.replyText(), request.fallbackName(), request.priority(), request.enabled(),
				request.cooldownMinutes(), request.mediaIds(), request.action(), request.aiInstructions(),
				request.buttons(), request.cards(), request.typingSeconds(), request.publicReplies(),
				request.excludedWords()));
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/rules/" + rule.id()))
			.body(RuleBodies.RuleResponse.of(rule));
	}

	@GetMapping
	@Operation(operationId = "listRules",
			summary = "List rules", description = "In the order they are tried: by priority, then oldest first.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<RuleBodies.RuleResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
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
		return Page.of(rules.list(accountId, afterPriority, afterId, limit + 1).stream().map(RuleBodies.RuleResponse::of).toList(),
				limit, rule -> Cursor.encode(String.valueOf(rule.priority()), rule.id()));
	}

	@GetMapping("/{ruleId}")
	@Operation(operationId = "getRule", summary = "Get a rule")
	@ErrorAnswer(status = 404, code = "rule_not_found", description = "No such rule, or no such account for this key.")
	RuleBodies.RuleResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String ruleId) {
		accounts.requireAccessible(caller, accountId);
		return RuleBodies.RuleResponse.of(rules.get(accountId, ruleId));
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
	RuleBodies.RuleResponse update(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable String ruleId, @Valid @RequestBody RuleBodies.UpdateRuleRequest request) {
		accounts.requireAccessible(caller, accountId);
		return RuleBodies.RuleResponse.of(rules.update(accountId, ruleId, new Rules.Fields(request.name(), request.trigger(),
				request.matchType(), request.pattern(), request.replyText(), request.fallbackName(), request.priority(),
				request.enabled(), request.cooldownMinutes(), request.mediaIds(), request.action(),
				request.aiInstructions(), request.buttons(), request.cards(), request.typingSeconds(),
				request.publicReplies(), request.excludedWords())));
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

}
