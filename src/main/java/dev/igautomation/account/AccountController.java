package dev.igautomation.account;

import java.net.URI;
import java.time.Instant;

import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.HttpUrl;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * Adds, reads, changes and removes accounts. Credentials go in and never come out: answers only say whether each is
 * set.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Validated
@Tag(name = "Accounts", description = "The Instagram professional accounts the service works for")
@SecurityRequirement(name = "api_key")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAccount", summary = "Add an account",
			description = "The access token and webhook secret are encrypted at rest and never returned.")
	@ErrorAnswer(status = 403, code = "forbidden", description = "The API key is limited to some accounts.")
	@ErrorAnswer(status = 409, code = "instagram_account_taken",
			description = "An account for this instagram_account_id exists already.")
	ResponseEntity<AccountResponse> create(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@Valid @RequestBody CreateAccountRequest request) {
		AccountDetails account = accounts.create(caller, new Accounts.NewAccount(request.instagramAccountId(),
				request.username(), request.accessToken(), emptyToNull(request.crmWebhookUrl()),
				request.webhookSecret(), request.forwardImported()));
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
			.body(AccountResponse.of(account));
	}

	@GetMapping
	@Operation(operationId = "listAccounts",
			summary = "List accounts", description = "Oldest first; only the accounts this API key may use.")
	Page<AccountResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		String after = cursor == null ? null : Cursor.decode(cursor, 1)[0];
		return Page.of(accounts.list(caller, after, limit + 1).stream().map(AccountResponse::of).toList(), limit,
				account -> Cursor.encode(account.id()));
	}

	@GetMapping("/{accountId}")
	@Operation(operationId = "getAccount", summary = "Get an account")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	AccountResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		return AccountResponse.of(accounts.get(caller, accountId));
	}

	@PatchMapping("/{accountId}")
	@Operation(operationId = "updateAccount", summary = "Change an account",
			description = "Send only the fields to change. An empty crm_webhook_url stops forwarding to the CRM.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	AccountResponse update(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Valid @RequestBody UpdateAccountRequest request) {
		return AccountResponse.of(accounts.update(caller, accountId, new Accounts.AccountChanges(request.username(),
				request.accessToken(), request.crmWebhookUrl(), request.webhookSecret(),
				request.messagingWindowEnforced(), request.forwardImported())));
	}

	@DeleteMapping("/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteAccount", summary = "Remove an account",
			description = "Stops forwarding and auto-replies for it; stored messages are kept.")
	@ErrorAnswer(status = 403, code = "forbidden", description = "The API key is limited to some accounts.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	void delete(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.delete(caller, accountId);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	record CreateAccountRequest(
			@Schema(description = "The Instagram professional account id (entry.id in Meta's webhooks)",
					example = "17841405309211844")
			@NotNull(message = "is required")
			@Pattern(regexp = AccountFields.INSTAGRAM_ID, message = AccountFields.INSTAGRAM_ID_MESSAGE)
			String instagramAccountId,
			@Schema(description = "The Instagram username", example = "acme.shop")
			@NotNull(message = "is required")
			@Pattern(regexp = AccountFields.USERNAME, message = AccountFields.USERNAME_MESSAGE)
			String username,
			@Schema(description = "Instagram access token; encrypted at rest, never returned",
					example = "IGAAT...")
			@NotBlank(message = "is required") @Size(max = 4096, message = "must be at most 4096 characters")
			String accessToken,
			@Schema(description = "Where this account's events are POSTed; leave out to only store them",
					example = "https://crm.example.com/hooks/instagram")
			@HttpUrl @Size(max = 2048, message = "must be at most 2048 characters") String crmWebhookUrl,
			@Schema(description = "Key of the HMAC signatures on events sent to the CRM; required with crm_webhook_url; "
					+ "never returned", example = "a-long-random-secret-shared-with-the-crm")
			@Size(min = 8, max = 512, message = AccountFields.SECRET_MESSAGE) String webhookSecret,
			@Schema(description = "Whether the history imported when the account is added (source import) is forwarded "
					+ "to the CRM too; true when left out", example = "true") Boolean forwardImported) {

		@Override
		public String toString() {
			return "CreateAccountRequest[instagramAccountId=" + instagramAccountId + ", username=" + username + "]";
		}

	}

	record UpdateAccountRequest(
			@Schema(example = "acme.shop")
			@Pattern(regexp = AccountFields.USERNAME, message = AccountFields.USERNAME_MESSAGE)
			String username,
			@Schema(description = "A new access token", example = "IGAAT...")
			@Size(min = 1, max = 4096, message = "must be 1 to 4096 characters") String accessToken,
			@Schema(description = "A new CRM URL, or an empty string to stop forwarding",
					example = "https://crm.example.com/hooks/instagram")
			@HttpUrl(allowEmpty = true) @Size(max = 2048, message = "must be at most 2048 characters")
			String crmWebhookUrl,
			@Schema(description = "A new webhook secret", example = "another-long-random-secret-for-the-crm")
			@Size(min = 8, max = 512, message = AccountFields.SECRET_MESSAGE) String webhookSecret,
			@Schema(description = "Whether sends are refused outside Meta's 24-hour window (7 days with HUMAN_AGENT); "
					+ "switch off only if Meta granted the account other rules", example = "true")
			Boolean messagingWindowEnforced,
			@Schema(description = "Whether imported history (source import) is forwarded to the CRM", example = "true")
			Boolean forwardImported) {

		@Override
		public String toString() {
			return "UpdateAccountRequest[username=" + username + ", crmWebhookUrl=" + crmWebhookUrl + "]";
		}

	}

	record AccountResponse(@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "17841405309211844") String instagramAccountId,
			@Schema(example = "acme.shop") String username,
			@Schema(example = "https://crm.example.com/hooks/instagram") @Nullable String crmWebhookUrl,
			@Schema(description = "Whether an access token is stored (it is never shown)") boolean accessTokenSet,
			@Schema(description = "Whether a webhook secret is stored (it is never shown)") boolean webhookSecretSet,
			@Schema(description = "Whether sends are held to Meta's 24-hour window") boolean messagingWindowEnforced,
			@Schema(description = "valid, or invalid once Meta rejected the token: set a new access_token",
					allowableValues = { "valid", "invalid" }) String tokenStatus,
			@Schema(description = "What Meta said when it rejected the token") @Nullable String tokenError,
			@Schema(description = "When the token expires, when known (tokens from Instagram Login); refreshed "
					+ "daily from 10 days before") @Nullable Instant tokenExpiresAt,
			@Schema(description = "Why the last refresh of the token failed; cleared by a new token")
			@Nullable String tokenRefreshError,
			@Schema(description = "Whether imported history is forwarded to the CRM") boolean forwardImported,
			@Schema(description = "The account's webhook subscription as last checked (at start and daily): "
					+ "subscribed, renewed (it had been dropped and was renewed), failed, or unknown before the first "
					+ "check", allowableValues = { "subscribed", "renewed", "failed", "unknown" })
			String webhookSubscription,
			@Schema(description = "When the subscription was last checked") @Nullable Instant webhookSubscriptionCheckedAt,
			@Schema(description = "Why the subscription could not be checked or renewed") @Nullable String webhookSubscriptionError,
			Instant createdAt, Instant updatedAt) {

		static AccountResponse of(AccountDetails account) {
			return new AccountResponse(account.id(), account.instagramAccountId(), account.username(),
					account.crmWebhookUrl(), account.accessTokenSet(), account.webhookSecretSet(),
					account.messagingWindowEnforced(), account.tokenStatus(), account.tokenError(),
					account.tokenExpiresAt(), account.tokenRefreshError(), account.forwardImported(),
					account.webhookSubscription(), account.webhookSubscriptionCheckedAt(),
					account.webhookSubscriptionError(), account.createdAt(), account.updatedAt());
		}

	}

}
