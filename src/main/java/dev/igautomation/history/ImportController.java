package dev.igautomation.history;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's history import: how far it got, and starting it again.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/imports")
@Tag(name = "History", description = """
		When an account is added, connected, or given a new access token, its conversations of the last \
		app.import.days (30) are imported from Meta's Conversations API: stored like webhook events (source import), \
		never answered by rules, forwarded to the CRM unless the account's forward_imported is false.""")
@SecurityRequirement(name = "api_key")
class ImportController {

	private final HistoryImports imports;

	private final Accounts accounts;

	ImportController(HistoryImports imports, Accounts accounts) {
		this.imports = imports;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(operationId = "getImport", summary = "How the account's history import stands",
			description = "The latest import.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ImportResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		return imports.latest(accountId).map(ImportResponse::of).orElse(ImportResponse.NONE);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "startImport", summary = "Import the account's history again",
			description = "Starts over from the newest conversation; what was imported before is not stored twice.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ImportResponse start(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		return ImportResponse.of(imports.start(accountId));
	}

	record ImportResponse(
			@Schema(description = "none (never imported), running, done or failed",
					allowableValues = { "none", "running", "done", "failed" }) String state,
			@Schema(description = "Conversations last active since this time are imported") @Nullable Instant since,
			@Schema(description = "Conversations imported so far", example = "120") int conversationsDone,
			@Schema(description = "Messages read from Meta", example = "1834") int messagesRead,
			@Schema(description = "Messages stored that were not stored before", example = "1790") int messagesStored,
			@Schema(description = "Calls that failed in a row", example = "0") int errors,
			@Schema(description = "What the last failed call said") @Nullable String lastError,
			@Nullable Instant startedAt, @Nullable Instant updatedAt, @Nullable Instant finishedAt) {

		static final ImportResponse NONE = new ImportResponse("none", null, 0, 0, 0, 0, null, null, null, null);

		static ImportResponse of(HistoryImport history) {
			return new ImportResponse(history.getState(), history.getSince(), history.getConversationsDone(),
					history.getMessagesRead(), history.getMessagesStored(), history.getErrors(), history.getLastError(),
					history.getStartedAt(), history.getUpdatedAt(), history.getFinishedAt());
		}

	}

}
