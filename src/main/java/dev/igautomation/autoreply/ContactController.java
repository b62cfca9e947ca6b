package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.igautomation.account.Accounts;
import dev.igautomation.optout.OptOuts;
import dev.igautomation.security.ApiKeyPrincipal;
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
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
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
 * Whether auto-replies answer a user: paused by hand, or because a person at the business wrote to them.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/contacts")
@Validated
@Tag(name = "Contacts", description = """
		Auto-replies pause for a user when a person at the business writes to them — from the Instagram app, or \
		through the send API — for app.autoreply.human-pause (1 hour by default). Pause and resume users by hand \
		here.""")
@SecurityRequirement(name = "api_key")
class ContactController {

	private static final String USER_ID = "\\d{1,32}";

	private final Pauses pauses;

	private final Accounts accounts;

	private final OptOuts optOuts;

	ContactController(Pauses pauses, Accounts accounts, OptOuts optOuts) {
		this.pauses = pauses;
		this.accounts = accounts;
		this.optOuts = optOuts;
	}

	@GetMapping("/paused")
	@Operation(operationId = "listPausedContacts",
			summary = "List the users auto-replies are paused for", description = "With until when; by user id.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<PauseResponse> paused(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		accounts.requireAccessible(caller, accountId);
		String after = cursor == null ? null : Cursor.decode(cursor, 1)[0];
		return Page.of(pauses.active(accountId, after, limit + 1).stream().map(PauseResponse::of).toList(), limit,
				pause -> Cursor.encode(pause.userId()));
	}

	@GetMapping("/{userId}")
	@Operation(operationId = "getContact", summary = "Whether auto-replies answer a user",
			description = "Paused (by hand or by takeover), and opted out: a user who wrote a stop word (STOP) gets no "
					+ "automated message until they write a start word (START).")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ContactResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId) {
		accounts.requireAccessible(caller, accountId);
		return ContactResponse.of(userId, pauses.active(accountId, userId), optOuts.state(accountId, userId));
	}

	@PostMapping("/{userId}/pause")
	@Operation(operationId = "pauseContact", summary = "Pause auto-replies to a user",
			description = "For `minutes`, or until resumed when the body is left out. Replaces any earlier pause.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	ContactResponse pause(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId,
			@Valid @RequestBody(required = false) PauseRequest request) {
		accounts.requireAccessible(caller, accountId);
		Duration duration = request == null || request.minutes() == null ? null
				: Duration.ofMinutes(request.minutes());
		return ContactResponse.of(userId, Optional.of(pauses.pause(accountId, userId, duration)),
				optOuts.state(accountId, userId));
	}

	@PostMapping("/{userId}/resume")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "resumeContact",
			summary = "Resume auto-replies to a user", description = "Ends any pause, by hand or by takeover.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	void resume(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@PathVariable @Pattern(regexp = USER_ID, message = "must be digits only") String userId) {
		accounts.requireAccessible(caller, accountId);
		pauses.resume(accountId, userId);
	}

	record PauseRequest(@Schema(description = "How long; left out: until resumed", example = "120")
	@Min(value = 1, message = "must be 1 or more")
	@Max(value = 525_600, message = "must be at most 525600 (a year)") Integer minutes) {
	}

	record ContactResponse(@Schema(example = "1914732468584811") String userId,
			@Schema(description = "Whether auto-replies are paused for this user now") boolean paused,
			@Schema(description = "When they resume by themselves; null while paused until resumed by hand")
			@Nullable Instant pausedUntil,
			@Schema(description = "human_reply, api_send or operator", example = "human_reply") @Nullable String reason,
			@Nullable Instant pausedAt,
			@Schema(description = "Whether the user opted out of automated messages (wrote STOP)") boolean optedOut,
			@Schema(description = "When they last opted out or back in; null if they never did")
			@Nullable Instant optedOutChangedAt) {

		static ContactResponse of(String userId, Optional<Pause> pause, Optional<OptOuts.State> optOut) {
			boolean out = optOut.map(OptOuts.State::optedOut).orElse(false);
			Instant changed = optOut.map(OptOuts.State::changedAt).orElse(null);
			return pause.map(on -> new ContactResponse(userId, true, on.until(), on.reason(), on.pausedAt(), out, changed))
				.orElseGet(() -> new ContactResponse(userId, false, null, null, null, out, changed));
		}

	}

	record PauseResponse(@Schema(example = "1914732468584811") String userId,
			@Schema(description = "null: until resumed by hand") @Nullable Instant pausedUntil,
			@Schema(description = "human_reply, api_send or operator", example = "human_reply") String reason,
			Instant pausedAt) {

		static PauseResponse of(Pause pause) {
			return new PauseResponse(pause.userId(), pause.until(), pause.reason(), pause.pausedAt());
		}

	}

}
