package dev.igautomation.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's figures over a period.
 */
@RestController
@Tag(name = "Analytics", description = "What happened in an account over a period")
@SecurityRequirement(name = "api_key")
class AnalyticsController {

	static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	static final Duration LONGEST_PERIOD = AccountAnalytics.LONGEST_PERIOD;

	private final AccountAnalytics analytics;

	private final Accounts accounts;

	private final Clock clock;

	AnalyticsController(AccountAnalytics analytics, Accounts accounts, Clock clock) {
		this.analytics = analytics;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/api/v1/accounts/{accountId}/analytics")
	@Operation(operationId = "getAnalytics", summary = "An account's analytics", description = """
			Messages in and out (out: every message the account sent, from here or the Instagram app), unique users, \
			sends by status, auto-replies per rule, CRM deliveries, and the time from a user's message to the \
			account's next message to them (median and p90). Messages and replies count by the events' own times, \
			sends and deliveries by when they were made. The period is [from, to); by default the last 30 days, at \
			most 400 days.""")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	AnalyticsResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "Start, included (ISO 8601)", example = "2026-11-01T00:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "End, excluded (ISO 8601)", example = "2026-12-01T00:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		AccountSummary account = accounts.requireAccessible(caller, accountId);
		Instant end = to != null ? to : clock.instant();
		Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
		if (!start.isBefore(end)) {
			throw new InvalidRequest("from", "must be before to");
		}
		if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
			throw new InvalidRequest("from", "must be at most 400 days before to");
		}
		AccountAnalytics.Report report = analytics.of(account.id(), account.instagramAccountId(), start, end);
		return new AnalyticsResponse(account.id(), start, end, report.messages(), report.sends(),
				report.repliesPerRule(), report.crmDeliveries(), report.firstReply());
	}

	record AnalyticsResponse(@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId, Instant from,
			Instant to, AccountAnalytics.Messages messages, AccountAnalytics.Sends sends,
			List<AccountAnalytics.RuleReplies> repliesPerRule, AccountAnalytics.Deliveries crmDeliveries,
			AccountAnalytics.FirstReply firstReply) {
	}

}
