package dev.igautomation.instagram;

import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The Graph API endpoints this service calls, as an HTTP interface over {@code RestClient}. Every call carries the
 * account's token as {@code Authorization: Bearer}.
 */
@HttpExchange("/{version}")
interface GraphApi {

	@PostExchange("/me/messages")
	JsonNode sendMessage(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestBody OutgoingMessage message);

	@GetExchange("/me")
	JsonNode me(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestParam String fields);

	@GetExchange("/me/subscribed_apps")
	JsonNode subscribedApps(@PathVariable String version, @RequestHeader("Authorization") String bearer);

	@GetExchange("/me/conversations")
	JsonNode conversations(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestParam String platform, @RequestParam String fields, @RequestParam int limit,
			@RequestParam(required = false) String after);

	@GetExchange("/{conversationId}")
	JsonNode conversation(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@PathVariable String conversationId, @RequestParam String fields);

	@PostExchange("/me/subscribed_apps")
	JsonNode subscribe(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestParam("subscribed_fields") String subscribedFields);

	@PostExchange("/me/messenger_profile")
	JsonNode setMessengerProfile(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestParam String platform, @RequestBody java.util.Map<String, Object> profile);

	@DeleteExchange("/me/messenger_profile")
	JsonNode deleteMessengerProfile(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@RequestParam String platform, @RequestBody java.util.Map<String, Object> fields);

	@PostExchange("/{commentId}/replies")
	JsonNode replyToComment(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@PathVariable String commentId, @RequestParam String message);

	@GetExchange("/{userId}")
	JsonNode userProfile(@PathVariable String version, @RequestHeader("Authorization") String bearer,
			@PathVariable String userId, @RequestParam String fields);

}
