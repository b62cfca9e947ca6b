package dev.igautomation.security;

import java.time.Instant;
import java.util.Set;

import dev.igautomation.system.Cursor;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Manages API keys; admin keys only.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
@Validated
@Tag(name = "API keys", description = "Keys for the CRM and operators; only admin keys may manage them.")
@SecurityRequirement(name = "api_key")
class ApiKeyController {

	private final ApiKeys apiKeys;

	ApiKeyController(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createApiKey", summary = "Create an API key",
			description = "Returns the key once, in `key`: store it now, it cannot be shown again. "
					+ "`account_ids` limits the key to those accounts; every other account then looks absent (404).")
	@ErrorAnswer(status = 403, code = "forbidden", description = "Only an admin key may manage API keys.")
	CreatedApiKeyResponse create(@Valid @RequestBody CreateApiKeyRequest request) {
		ApiKeys.CreatedKey created = apiKeys.create(request.name(), Boolean.TRUE.equals(request.admin()),
				request.accountIds() == null ? Set.of() : request.accountIds());
		ApiKeyDetails key = created.key();
		return new CreatedApiKeyResponse(key.id(), key.name(), key.prefix(), created.token(), key.admin(),
				key.accountIds(), key.createdAt());
	}

	@GetMapping
	@Operation(operationId = "listApiKeys",
			summary = "List the live API keys", description = "Never shows a key, only its prefix.")
	@ErrorAnswer(status = 403, code = "forbidden", description = "Only an admin key may manage API keys.")
	Page<ApiKeyResponse> list(
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		String after = cursor == null ? null : Cursor.decode(cursor, 1)[0];
		return Page.of(apiKeys.list(after, limit + 1).stream().map(ApiKeyResponse::of).toList(), limit,
				key -> Cursor.encode(key.id()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "Takes effect immediately.")
	@ErrorAnswer(status = 403, code = "forbidden", description = "Only an admin key may manage API keys.")
	@ErrorAnswer(status = 404, code = "api_key_not_found", description = "No live key has this id.")
	void revoke(@PathVariable String id) {
		apiKeys.revoke(id);
	}

	record CreateApiKeyRequest(
			@Schema(description = "What the key is for", example = "crm-production")
			@NotBlank(message = "must name what the key is for") @Size(max = 100, message = "must be at most 100 characters")
			String name,
			@Schema(description = "Whether the key may manage API keys", example = "false", defaultValue = "false")
			Boolean admin,
			@Schema(description = "Limit the key to these accounts; leave out for every account",
					example = "[\"acc_01jfz6w8k3m2r5t7v9x1y3z5b7\"]")
			@Size(max = 1000, message = "must list at most 1000 accounts")
			Set<@Pattern(regexp = "acc_[0-9a-z]{26}", message = "must be account ids (acc_...)") String> accountIds) {
	}

	record ApiKeyResponse(@Schema(example = "key_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "crm-production") String name,
			@Schema(description = "The start of the key, to tell keys apart", example = "iga_Xy12Ab34Cd") String prefix,
			boolean admin,
			@Schema(description = "The accounts the key is limited to; empty for every account") Set<String> accountIds,
			Instant createdAt, @Schema(description = "Last use, to the minute") @Nullable Instant lastUsedAt) {

		static ApiKeyResponse of(ApiKeyDetails key) {
			return new ApiKeyResponse(key.id(), key.name(), key.prefix(), key.admin(), key.accountIds(),
					key.createdAt(), key.lastUsedAt());
		}

	}

	record CreatedApiKeyResponse(@Schema(example = "key_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "crm-production") String name,
			@Schema(example = "iga_Xy12Ab34Cd") String prefix,
			@Schema(description = "The key itself: shown only in this answer",
					example = "iga_Xy12Ab34Cd_q8Zr3Lm5Np7Tv9Xb2Dc4Fg6Hj8Kl0Mn1") String key,
			boolean admin, Set<String> accountIds, Instant createdAt) {
	}

}
