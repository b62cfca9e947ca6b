package dev.igautomation.autoreply;

import java.time.Instant;

/**
 * Auto-replies to a user are off.
 *
 * @param until when they come back on; null: when an operator resumes them
 * @param reason {@code human_reply} (someone wrote from the Instagram app), {@code api_send} (the CRM sent through
 * the API) or {@code operator} (paused through the API)
 */
record Pause(String accountId, String userId, Instant until, String reason, Instant pausedAt) {

	static final String HUMAN_REPLY = "human_reply";

	static final String API_SEND = "api_send";

	static final String OPERATOR = "operator";

}
