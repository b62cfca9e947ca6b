package dev.igautomation.instagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.system.HttpClientFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Calls the Graph API for the other features. Every failure comes out as one {@link GraphApiException} that says
 * whether a retry can help, with Meta's error code, subcode, message and trace id, and how long Meta asked to wait
 * ({@code estimated_time_to_regain_access} of {@code X-Business-Use-Case-Usage}).
 */
@Component
public class GraphClient {

	/** The webhook fields this service handles, which each account is subscribed to. */
	public static final Set<String> WEBHOOK_FIELDS = Set.of("messages", "messaging_postbacks", "messaging_seen",
			"messaging_referral", "message_reactions", "comments");

	private final GraphApi api;

	private final GraphTokens tokens;

	private final String version;

	private final JsonMapper json;

	GraphClient(RestClient.Builder builder, GraphApiProperties properties, JsonMapper json) {
		RestClient rest = builder.baseUrl(properties.graphBaseUrl().toString())
			.requestFactory(HttpClientFactory.pooled(properties.connectTimeout(), properties.readTimeout()))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw errorOf(response);
			})
			.build();
		HttpServiceProxyFactory proxies = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build();
		this.api = proxies.createClient(GraphApi.class);
		this.tokens = proxies.createClient(GraphTokens.class);
		this.version = properties.apiVersion();
		this.json = json;
	}

	/** What Meta answered to a send: the recipient and the new message's id. */
	public record Sent(String recipientId, String messageId) {
	}

	/** Sends a message; the answer's {@code message_id} is the Instagram mid. */
	public Sent send(String accessToken, OutgoingMessage message) {
		JsonNode answer = call(() -> api.sendMessage(version, bearer(accessToken), message));
		return new Sent(answer.path("recipient_id").asString(null), answer.path("message_id").asString(null));
	}

	/**
	 * Sets fields of the account's messaging profile ({@code ice_breakers}, {@code persistent_menu}), in Meta's
	 * shape: https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/messaging-api/ice-breakers
	 */
	public void setMessengerProfile(String accessToken, java.util.Map<String, Object> fields) {
		java.util.Map<String, Object> profile = new java.util.LinkedHashMap<>();
		profile.put("platform", "instagram");
		profile.putAll(fields);
		call(() -> api.setMessengerProfile(version, bearer(accessToken), "instagram", profile));
	}

	/** Removes fields of the account's messaging profile. */
	public void deleteMessengerProfile(String accessToken, List<String> fields) {
		call(() -> api.deleteMessengerProfile(version, bearer(accessToken), "instagram",
				java.util.Map.of("fields", fields)));
	}

	/**
	 * Answers a comment publicly, under it; returns the reply's id:
	 * https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-comment/replies
	 */
	public String replyToComment(String accessToken, String commentId, String message) {
		return call(() -> api.replyToComment(version, bearer(accessToken), commentId, message)).path("id")
			.asString(null);
	}

	/** A user's profile fields (e.g. {@code name,username}), which the user must have allowed the account to see. */
	public JsonNode userProfile(String accessToken, String userId, String fields) {
		return call(() -> api.userProfile(version, bearer(accessToken), userId, fields));
	}

	/** The Instagram professional account a token belongs to. */
	public record Me(String userId, String username) {
	}

	/** Who a token belongs to: {@code user_id} is the id Meta's webhooks name as {@code entry.id}. */
	public Me me(String accessToken) {
		JsonNode me = call(() -> api.me(version, bearer(accessToken), "user_id,username"));
		return new Me(me.path("user_id").asString(me.path("id").asString(null)), me.path("username").asString(null));
	}

	/** Subscribes the account to the webhook fields; true when Meta says it did. */
	public boolean subscribe(String accessToken, String fields) {
		return call(() -> api.subscribe(version, bearer(accessToken), fields)).path("success").asBoolean(false);
	}

	/** The webhook fields the account is subscribed to for this app; empty when it is not subscribed at all. */
	public Set<String> subscribedFields(String accessToken) {
		Set<String> fields = new TreeSet<>();
		call(() -> api.subscribedApps(version, bearer(accessToken))).path("data")
			.forEach(app -> app.path("subscribed_fields").forEach(field -> fields.add(field.asString())));
		return fields;
	}

	/** A conversation of the account, and when its last message was sent. */
	public record Conversation(String id, String updatedTime) {
	}

	/** A page of conversations, most recently active first; {@code after} is the cursor of the next one, if any. */
	public record ConversationPage(List<Conversation> conversations, String after) {
	}

	/** A page of the account's conversations ({@code after}: the previous page's cursor, or null for the first). */
	public ConversationPage conversations(String accessToken, String after, int limit) {
		JsonNode page = call(() -> api.conversations(version, bearer(accessToken), "instagram", "id,updated_time",
				limit, after));
		List<Conversation> conversations = new ArrayList<>();
		page.path("data")
			.forEach(conversation -> conversations.add(new Conversation(conversation.path("id").asString(null),
					conversation.path("updated_time").asString(null))));
		String next = page.path("paging").has("next") ? page.path("paging").path("cursors").path("after").asString(null)
				: null;
		return new ConversationPage(conversations, next);
	}

	/**
	 * The newest messages of a conversation (Meta gives details of the 20 most recent only), each with its id, time,
	 * sender, recipients, text and attachments, newest first: one call, the messages' fields expanded in it.
	 */
	public List<JsonNode> conversationMessages(String accessToken, String conversationId) {
		JsonNode conversation = call(() -> api.conversation(version, bearer(accessToken), conversationId,
				"messages{id,created_time,from,to,message,attachments}"));
		List<JsonNode> messages = new ArrayList<>();
		conversation.path("messages").path("data").forEach(messages::add);
		return messages;
	}

	/** A token and how long it lasts. */
	public record Token(String accessToken, Duration expiresIn) {

		@Override
		public String toString() {
			return "Token[expiresIn=" + expiresIn + "]";
		}

	}

	/** Exchanges a short-lived Instagram Login token for a long-lived one. */
	public Token longLived(String appSecret, String shortLivedToken) {
		return token(call(() -> tokens.exchange("ig_exchange_token", appSecret, shortLivedToken)));
	}

	/** Refreshes a long-lived token (Meta refuses tokens under 24 hours old). */
	public Token refresh(String longLivedToken) {
		return token(call(() -> tokens.refresh("ig_refresh_token", longLivedToken)));
	}

	private static Token token(JsonNode answer) {
		String token = answer.path("access_token").asString(null);
		if (token == null) {
			throw GraphApiException.of(200, null, null, "The Graph API answered no access_token", null, false, null);
		}
		return new Token(token, Duration.ofSeconds(answer.path("expires_in").asLong(0)));
	}

	private static JsonNode call(java.util.function.Supplier<JsonNode> exchange) {
		try {
			return exchange.get();
		}
		catch (ResourceAccessException ex) {
			throw GraphApiException.noAnswer("No answer from the Graph API: " + ex.getMostSpecificCause().getMessage());
		}
	}

	private static String bearer(String accessToken) {
		return "Bearer " + accessToken;
	}

	GraphApiException errorOf(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String body = new String(response.getBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
		Duration wait = regainAccessAfter(response.getHeaders());
		try {
			JsonNode error = json.readTree(body).path("error");
			if (error.isObject()) {
				return GraphApiException.of(status, intOrNull(error.get("code")), intOrNull(error.get("error_subcode")),
						error.path("message").asString("Graph API error"), error.path("fbtrace_id").asString(null),
						error.path("is_transient").asBoolean(false), wait);
			}
		}
		catch (JacksonException ex) {
			// not Meta's error shape: classified by the HTTP status alone
		}
		return GraphApiException.of(status, null, null, "HTTP " + status + " from the Graph API", null, false, wait);
	}

	/** The longest {@code estimated_time_to_regain_access} (minutes) in {@code X-Business-Use-Case-Usage}. */
	Duration regainAccessAfter(HttpHeaders headers) {
		String usage = headers.getFirst("X-Business-Use-Case-Usage");
		if (usage == null || usage.isBlank()) {
			return null;
		}
		try {
			long minutes = 0;
			for (Iterator<JsonNode> entries = json.readTree(usage).values().iterator(); entries.hasNext();) {
				for (JsonNode limit : entries.next()) {
					minutes = Math.max(minutes, limit.path("estimated_time_to_regain_access").asLong(0));
				}
			}
			return minutes > 0 ? Duration.ofMinutes(minutes) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static Integer intOrNull(JsonNode node) {
		return node == null || !node.canConvertToInt() ? null : node.asInt();
	}

}
