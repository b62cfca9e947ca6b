package dev.igautomation.crm;

import java.time.Instant;
import java.util.Map;

/**
 * An event to deliver to an account's CRM, before it is stored.
 *
 * @param sourceKey what caused it ({@code event:<id>}, {@code status:<message id>:<status>}): one delivery per cause
 * @param causedAt when its cause happened here, the time part of its id
 */
record NewDelivery(String accountId, String eventType, String sourceKey, Instant causedAt,
		Map<String, Object> payload) {
}
