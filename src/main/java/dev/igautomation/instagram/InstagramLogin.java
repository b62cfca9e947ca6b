package dev.igautomation.instagram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.system.AppSecrets;
import dev.igautomation.system.HttpClientFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Instagram Login's code exchange, on its own host ({@code api.instagram.com}): an authorization code for a
 * short-lived token and the user id it belongs to. Errors come out as {@link GraphApiException}, like the Graph API's.
 */
@Component
class InstagramLogin {

	private final RestClient rest;

	private final InstagramLoginProperties properties;

	private final AppSecrets secrets;

	InstagramLogin(RestClient.Builder builder, InstagramLoginProperties properties, AppSecrets secrets,
			GraphApiProperties graph,
			GraphClient graphClient, JsonMapper json) {
		this.properties = properties;
		this.secrets = secrets;
		this.rest = builder.clone()
			.baseUrl(properties.oauthBaseUrl().toString())
			.requestFactory(HttpClientFactory.pooled(graph.connectTimeout(), graph.readTimeout()))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw graphClient.errorOf(response);
			})
			.build();
	}

	/** A short-lived token, and the Instagram user id of the account that granted it. */
	record ShortLived(String accessToken, String userId) {

		@Override
		public String toString() {
			return "ShortLived[userId=" + userId + "]";
		}

	}

	ShortLived exchangeCode(String code, String redirectUri) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("client_id", properties.appId());
		form.add("client_secret", secrets.primary());
		form.add("grant_type", "authorization_code");
		form.add("redirect_uri", redirectUri);
		form.add("code", code);
		JsonNode answer;
		try {
			answer = rest.post()
				.uri("/oauth/access_token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(JsonNode.class);
		}
		catch (ResourceAccessException ex) {
			throw GraphApiException.noAnswer("No answer from Instagram Login: " + ex.getMostSpecificCause().getMessage());
		}
		// Meta has answered both {access_token, user_id} and {data: [{access_token, user_id}]}.
		JsonNode token = answer != null && answer.path("data").isArray() ? answer.path("data").path(0) : answer;
		if (token == null || token.path("access_token").asString(null) == null) {
			throw GraphApiException.of(200, null, null, "Instagram Login answered no access_token", null, false, null);
		}
		return new ShortLived(token.path("access_token").asString(), token.path("user_id").asString(null));
	}

}
