package dev.igautomation.crm;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Shows what was sent to an account's CRM and how it went, and sends failed deliveries again.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "CRM deliveries", description = "Events sent to each account's CRM: attempts, failures, retries")
@SecurityRequirement(name = "api_key")
class DeliveryController {

	private final CrmDeliveries deliveries;

	private final Accounts accounts;

	private final JsonMapper json;

	DeliveryController(CrmDeliveries deliveries, Accounts accounts, JsonMapper json) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.json = json;
	}

	@GetMapping("/accounts/{accountId}/deliveries")
	@Operation(operationId = "listDeliveries",
			summary = "List an account's CRM deliveries", description = "Newest first.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Page<DeliveryResponse> list(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "Only deliveries with this status",
					schema = @Schema(allowableValues = { "pending", "delivered", "failed" })) @RequestParam(
							required = false) DeliveryStatusParameter status,
			@Parameter(description = "Only deliveries of this event type", example = "message.received") @RequestParam(
					name = "event_type", required = false) String eventType,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		accounts.requireAccessible(caller, accountId);
		String before = cursor == null ? null : Cursor.decode(cursor, 1)[0];
		return Page.of(deliveries.list(accountId, status == null ? null : status.status, eventType, before,
				limit + 1).stream()
			.map(this::response)
			.toList(), limit, delivery -> Cursor.encode(delivery.id()));
	}

	@GetMapping("/deliveries/{deliveryId}")
	@Operation(operationId = "getDelivery",
			summary = "Get a CRM delivery", description = "With the exact payload sent.")
	@ErrorAnswer(status = 404, code = "delivery_not_found", description = "No such delivery for this API key.")
	DeliveryResponse get(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String deliveryId) {
		return response(deliveries.get(caller, deliveryId));
	}

	@PostMapping("/deliveries/{deliveryId}/retry")
	@Operation(operationId = "retryDelivery", summary = "Retry a CRM delivery",
			description = "Sends a failed (or delivered) delivery again at once, with the retry schedule from the "
					+ "start. The CRM receives the same webhook-id as before.")
	@ErrorAnswer(status = 404, code = "delivery_not_found", description = "No such delivery for this API key.")
	@ErrorAnswer(status = 409, code = "delivery_pending", description = "The delivery is still being attempted.")
	DeliveryResponse retry(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String deliveryId) {
		return response(deliveries.retry(caller, deliveryId));
	}

	@PostMapping("/accounts/{accountId}/deliveries/retry")
	@Operation(operationId = "retryFailedDeliveries",
			summary = "Retry every failed CRM delivery of an account", description = "For after a CRM outage.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	Map<String, Integer> retryFailed(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		return Map.of("retried", deliveries.retryFailed(accountId));
	}

	private DeliveryResponse response(Delivery delivery) {
		return new DeliveryResponse(delivery.id(), delivery.accountId(), delivery.eventType(),
				delivery.status().value(), delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(),
				delivery.nextAttemptAt(), delivery.createdAt(), delivery.updatedAt(), delivery.deliveredAt(),
				json.readTree(delivery.payload()));
	}

	/** The {@code status} filter, spelled as in answers. */
	enum DeliveryStatusParameter {

		pending(DeliveryStatus.PENDING), delivered(DeliveryStatus.DELIVERED), failed(DeliveryStatus.FAILED);

		final DeliveryStatus status;

		DeliveryStatusParameter(DeliveryStatus status) {
			this.status = status;
		}

	}

	record DeliveryResponse(
			@Schema(description = "Also the webhook-id header the CRM receives",
					example = "dlv_01jfz6w8k3m2r5t7v9x1y3z5b7") String id,
			@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId,
			@Schema(example = "message.received") String eventType,
			@Schema(allowableValues = { "pending", "delivered", "failed" }) String status,
			@Schema(description = "Attempts made so far", example = "2") int attempts,
			@Schema(description = "HTTP status of the last answer; null when none came", example = "503")
			@Nullable Integer lastStatusCode,
			@Schema(example = "HTTP 503: Service Unavailable") @Nullable String lastError,
			@Schema(description = "When the next attempt is due, while pending") @Nullable Instant nextAttemptAt,
			Instant createdAt, Instant updatedAt, @Nullable Instant deliveredAt,
			@Schema(description = "The JSON body sent") JsonNode payload) {
	}

}
