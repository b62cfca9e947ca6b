package dev.igautomation.autoreply;

import java.time.Instant;

import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.jspecify.annotations.Nullable;

/**
 * The public replies comment rules made under comments, with what Meta answered.
 */
@RestController
@Validated
@Tag(name = "Auto-reply rules")
@SecurityRequirement(name = "api_key")
class CommentReplyController {

	private final CommentReplies replies;

	private final Accounts accounts;

	CommentReplyController(CommentReplies replies, Accounts accounts) {
		this.replies = replies;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/accounts/{accountId}/comment-replies")
	@Operation(operationId = "listCommentReplies", summary = "List the public replies made under comments",
			description = "Newest first, each with the rule that made it and Meta's answer (sent, or failed with "
					+ "Meta's error).")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<PublicReplyResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
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
		return Page.of(replies.list(accountId, before, beforeId, limit + 1).stream().map(PublicReplyResponse::of).toList(),
				limit, reply -> Cursor.encode(reply.createdAt().toString(), reply.commentId()));
	}

	record PublicReplyResponse(@Schema(example = "17865799348089039") String commentId,
			@Schema(example = "rule_01jfz6w8k3m2r5t7v9x1y3z5b7") @Nullable String ruleId,
			@Schema(example = "Sent you a DM!") String text,
			@Schema(allowableValues = { "sending", "sent", "failed" }) String status,
			@Schema(description = "The reply's comment id, once Meta accepted it") @Nullable String replyId,
			@Schema(description = "Meta's error code, when it refused") @Nullable Integer errorCode,
			@Nullable String errorMessage, Instant createdAt, Instant updatedAt) {

		static PublicReplyResponse of(CommentReplies.PublicReply reply) {
			return new PublicReplyResponse(reply.commentId(), reply.ruleId(), reply.text(), reply.status(),
					reply.replyId(), reply.errorCode(), reply.errorMessage(), reply.createdAt(), reply.updatedAt());
		}

	}

}
