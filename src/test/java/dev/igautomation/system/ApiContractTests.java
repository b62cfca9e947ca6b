package dev.igautomation.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.support.SchemaConformance;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI document is the contract: every operation it lists, called with a valid request, answers one of its
 * documented success codes, with the documented content type, and a body that conforms to the documented schema
 * (nullability, types, closed objects). How outside API fuzzers judge the service; an operation added without a
 * request here fails the test.
 */
abstract class ApiContractTests {

	@Autowired
	RestTestClient client;

	record Call(HttpMethod method, Supplier<String> path, String key, Supplier<Object> body, MediaType type) {
	}

	@Test
	void everyDocumentedOperationAnswersAsDocumented() {
		Api api = new Api(client);
		JsonNode document = api.get("/v3/api-docs", null).body();
		Senders sender = Senders.create(api);
		sender.graphAnswers(Senders.sent("mid-contract-" + UUID.randomUUID()));
		sender.userWrote(new Webhooks(api), Instant.now());
		String instagramLoginId = stubInstagramLogin();
		String acc = sender.account().id();
		Map<String, String> ids = new LinkedHashMap<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/accounts/" + acc + "/deliveries", ADMIN_KEY)
			.body().at("/items/0/status").asString("").equals("delivered"));

		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("listAccounts", call(HttpMethod.GET, () -> "/api/v1/accounts?limit=5"));
		calls.put("createAccount", new Call(HttpMethod.POST, () -> "/api/v1/accounts", ADMIN_KEY,
				() -> Map.of("instagram_account_id", Api.randomInstagramId(), "username", "contract.shop",
						"access_token", "IGAAT-contract"), MediaType.APPLICATION_JSON));
		calls.put("getAccount", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc));
		calls.put("updateAccount", new Call(HttpMethod.PATCH, () -> "/api/v1/accounts/" + ids.get("createAccount"),
				ADMIN_KEY, () -> Map.of("username", "renamed.shop"), MediaType.APPLICATION_JSON));
		calls.put("createApiKey", new Call(HttpMethod.POST, () -> "/api/v1/api-keys", ADMIN_KEY,
				() -> Map.of("name", "contract", "account_ids", List.of(acc)), MediaType.APPLICATION_JSON));
		calls.put("listApiKeys", call(HttpMethod.GET, () -> "/api/v1/api-keys"));
		calls.put("createRule", new Call(HttpMethod.POST, () -> "/api/v1/accounts/" + acc + "/rules", ADMIN_KEY,
				() -> Map.of("name", "Never", "match_type", "exact", "pattern", "no-such-message-" + UUID.randomUUID(),
						"reply_text", "x"), MediaType.APPLICATION_JSON));
		calls.put("testRules", new Call(HttpMethod.POST, () -> "/api/v1/accounts/" + acc + "/rules/test", ADMIN_KEY,
				() -> Map.of("text", "hello"), MediaType.APPLICATION_JSON));
		calls.put("listRules", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/rules"));
		calls.put("getRule", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/rules/" + ids.get("createRule")));
		calls.put("updateRule", new Call(HttpMethod.PATCH,
				() -> "/api/v1/accounts/" + acc + "/rules/" + ids.get("createRule"), ADMIN_KEY,
				() -> Map.of("enabled", false), MediaType.APPLICATION_JSON));
		calls.put("verifyWebhookSubscription", new Call(HttpMethod.GET,
				() -> "/webhooks/instagram?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=42",
				null, null, null));
		String event = Webhooks.fixtureFor("message-text.json", sender.account().instagramAccountId(),
				"-" + UUID.randomUUID());
		calls.put("receiveWebhook", new Call(HttpMethod.POST, () -> "/webhooks/instagram", null, () -> event,
				MediaType.APPLICATION_JSON));
		calls.put("listMessages", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/messages?limit=2"));
		calls.put("getMessage", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/messages/"
				+ api.get("/api/v1/accounts/" + acc + "/messages", ADMIN_KEY).at("/items/0/message_id")));
		calls.put("sendMessage", new Call(HttpMethod.POST, () -> "/api/v1/messages/send", ADMIN_KEY,
				() -> sender.text("Contract", "k-" + UUID.randomUUID()), MediaType.APPLICATION_JSON));
		calls.put("sendSenderAction", new Call(HttpMethod.POST, () -> "/api/v1/messages/actions", ADMIN_KEY,
				() -> Map.of("account_id", acc, "recipient_id", sender.userId(), "action", "typing_on"),
				MediaType.APPLICATION_JSON));
		calls.put("getMessageStatus", call(HttpMethod.GET, () -> "/api/v1/messages/" + ids.get("sendMessage")
				+ "/status"));
		calls.put("listSentMessages", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/sent-messages"));
		calls.put("listDeliveries", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/deliveries"));
		Supplier<String> delivery = () -> api.get("/api/v1/accounts/" + acc + "/deliveries?status=delivered",
				ADMIN_KEY).at("/items/0/id");
		calls.put("getDelivery", call(HttpMethod.GET, () -> "/api/v1/deliveries/" + delivery.get()));
		calls.put("retryDelivery", call(HttpMethod.POST, () -> "/api/v1/deliveries/" + delivery.get() + "/retry"));
		calls.put("retryFailedDeliveries", call(HttpMethod.POST, () -> "/api/v1/accounts/" + acc
				+ "/deliveries/retry"));
		String user = "/api/v1/accounts/" + acc + "/contacts/" + sender.userId();
		calls.put("pauseContact", new Call(HttpMethod.POST, () -> user + "/pause", ADMIN_KEY,
				() -> Map.of("minutes", 5), MediaType.APPLICATION_JSON));
		calls.put("listPausedContacts", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/contacts/paused"));
		calls.put("getContact", call(HttpMethod.GET, () -> user));
		calls.put("resumeContact", call(HttpMethod.POST, () -> user + "/resume"));
		String accountPath = "/api/v1/accounts/" + acc;
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/messenger_profile"))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(okJson("{\"result\":\"success\"}")));
		Stubs.graph().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(
				"/v25.0/me/messenger_profile"))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(okJson("{\"result\":\"success\"}")));
		calls.put("setIceBreakers", new Call(HttpMethod.PUT, () -> accountPath + "/ice-breakers", ADMIN_KEY,
				() -> Map.of("ice_breakers", List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("question", "Opening hours?", "payload", "HOURS"))))),
				MediaType.APPLICATION_JSON));
		calls.put("getIceBreakers", call(HttpMethod.GET, () -> accountPath + "/ice-breakers"));
		calls.put("deleteIceBreakers", call(HttpMethod.DELETE, () -> accountPath + "/ice-breakers"));
		calls.put("setPersistentMenu", new Call(HttpMethod.PUT, () -> accountPath + "/persistent-menu", ADMIN_KEY,
				() -> Map.of("persistent_menu", List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("type", "postback", "title", "Talk to us", "payload", "HUMAN"))))),
				MediaType.APPLICATION_JSON));
		calls.put("getPersistentMenu", call(HttpMethod.GET, () -> accountPath + "/persistent-menu"));
		calls.put("deletePersistentMenu", call(HttpMethod.DELETE, () -> accountPath + "/persistent-menu"));
		calls.put("buildLink", call(HttpMethod.GET, () -> "/api/v1/accounts/" + ids.get("createAccount")
				+ "/links?ref=spring-sale"));
		calls.put("listCommentReplies", call(HttpMethod.GET, () -> accountPath + "/comment-replies"));
		String conversation = "/api/v1/accounts/" + acc + "/conversations/" + sender.userId();
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get(conversation, ADMIN_KEY).status() == 200);
		calls.put("listConversations", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/conversations"));
		calls.put("getConversation", call(HttpMethod.GET, () -> conversation));
		calls.put("listConversationMessages", call(HttpMethod.GET, () -> conversation + "/messages"));
		calls.put("markConversationRead", call(HttpMethod.POST, () -> conversation + "/read"));
		Map<String, Object> unassigned = new java.util.HashMap<>();
		unassigned.put("assignee_id", null);
		calls.put("assignConversation", new Call(HttpMethod.PUT, () -> conversation + "/assignee", ADMIN_KEY,
				() -> unassigned, MediaType.APPLICATION_JSON));
		calls.put("setConversationState", new Call(HttpMethod.PUT, () -> conversation + "/state", ADMIN_KEY,
				() -> Map.of("state", "open"), MediaType.APPLICATION_JSON));
		calls.put("getAnalytics", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc
				+ "/analytics?from=" + Instant.now().minus(Duration.ofDays(30)) + "&to=" + Instant.now().plusSeconds(60)));
		calls.put("startImport", call(HttpMethod.POST, () -> "/api/v1/accounts/" + acc + "/imports"));
		calls.put("getImport", call(HttpMethod.GET, () -> "/api/v1/accounts/" + acc + "/imports"));
		calls.put("startInstagramLogin", call(HttpMethod.GET, () -> "/connect/instagram"));
		calls.put("finishInstagramLogin", new Call(HttpMethod.GET, () -> "/connect/instagram/callback?code=c-"
				+ instagramLoginId + "&state=" + UriComponentsBuilder.fromUriString(ids.get("startInstagramLogin"))
					.build().getQueryParams().getFirst("state"), null, null, null));
		calls.put("requestDataDeletion", new Call(HttpMethod.POST, () -> "/webhooks/instagram/data-deletion", null,
				() -> "signed_request=" + signedRequest(Api.randomInstagramId()),
				MediaType.APPLICATION_FORM_URLENCODED));
		calls.put("getDataDeletionStatus", new Call(HttpMethod.GET,
				() -> "/webhooks/instagram/data-deletion/" + ids.get("requestDataDeletion"), null, null, null));
		calls.put("deleteRule", call(HttpMethod.DELETE, () -> "/api/v1/accounts/" + acc + "/rules/"
				+ ids.get("createRule")));
		calls.put("revokeApiKey", call(HttpMethod.DELETE, () -> "/api/v1/api-keys/" + ids.get("createApiKey")));
		calls.put("deleteAccount", call(HttpMethod.DELETE, () -> "/api/v1/accounts/" + ids.get("createAccount")));

		Map<String, JsonNode> operations = operations(document);
		assertThat(new TreeSet<>(calls.keySet())).as("a valid request for every documented operation")
			.isEqualTo(new TreeSet<>(operations.keySet()));
		SchemaConformance schemas = new SchemaConformance(document);
		List<String> mismatches = new ArrayList<>();
		for (var entry : calls.entrySet()) {
			Call call = entry.getValue();
			Answer answer = api.exchange(call.method(), call.path().get(), call.key(),
					call.body() == null ? null : call.body().get(), headers -> {
						if (call.type() != null) {
							headers.setContentType(call.type());
						}
						if (call.key() == null && call.body() != null && call.type() == MediaType.APPLICATION_JSON) {
							headers.set("X-Hub-Signature-256", Webhooks.signature(Webhooks.APP_SECRET,
									call.body().get().toString().getBytes(StandardCharsets.UTF_8)));
						}
					});
			remember(entry.getKey(), answer, ids);
			mismatches.addAll(mismatches(entry.getKey(), operations.get(entry.getKey()), answer, schemas));
		}
		assertThat(mismatches).isEmpty();
	}

	private static Call call(HttpMethod method, Supplier<String> path) {
		return new Call(method, path, ADMIN_KEY, null, null);
	}

	/** The ids later calls need, from the answers of the calls that made them. */
	private static void remember(String operation, Answer answer, Map<String, String> ids) {
		switch (operation) {
			case "createAccount", "createApiKey", "createRule" -> ids.put(operation, answer.at("/id"));
			case "sendMessage" -> ids.put(operation, answer.at("/message_id"));
			case "requestDataDeletion" -> ids.put(operation, answer.at("/confirmation_code"));
			case "startInstagramLogin" -> ids.put(operation, answer.headers().getLocation().toString());
			default -> {
			}
		}
	}

	private static List<String> mismatches(String operation, JsonNode documented, Answer answer,
			SchemaConformance schemas) {
		String status = String.valueOf(answer.status());
		JsonNode responses = documented.get("responses");
		if (answer.status() >= 400 || !responses.has(status)) {
			return List.of(operation + " answered " + status + " (documented: " + responses.propertyNames() + "): "
					+ answer.text());
		}
		JsonNode content = responses.get(status).path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			return answer.text().isEmpty() ? List.of() : List.of(operation + " has an undocumented body");
		}
		MediaType actual = answer.headers().getContentType();
		String documentedType = content.propertyNames().iterator().next();
		if (documentedType.contains("*")) {
			return List.of(operation + " documents " + documentedType + " rather than the type it answers");
		}
		if (actual == null || !actual.isCompatibleWith(MediaType.parseMediaType(documentedType))) {
			return List.of(operation + " answered " + actual + ", documented " + documentedType);
		}
		if (answer.body() == null) {
			return List.of();
		}
		return schemas.violations(answer.body(), content.get(documentedType).get("schema")).stream()
			.map(violation -> operation + " " + violation)
			.toList();
	}

	private static Map<String, JsonNode> operations(JsonNode document) {
		Map<String, JsonNode> operations = new LinkedHashMap<>();
		for (var path : document.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				operations.put(operation.getValue().get("operationId").asString(), operation.getValue());
			}
		}
		return operations;
	}

	/** Instagram Login's hosts answer the flow for a new account; its code is "c-" + the returned id. */
	private static String stubInstagramLogin() {
		String id = Api.randomInstagramId();
		String token = "IGQlong-" + id;
		Stubs.graph().stubFor(post(urlPathEqualTo("/oauth-host/oauth/access_token"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=c-" + id))
			.willReturn(okJson("{\"data\":[{\"access_token\":\"IGQshort-" + id + "\",\"user_id\":\"" + id + "\"}]}")));
		Stubs.graph().stubFor(get(urlPathEqualTo("/access_token"))
			.withQueryParam("access_token", equalTo("IGQshort-" + id))
			.willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":5184000}")));
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/me")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(okJson("{\"user_id\":\"" + id + "\",\"username\":\"contract.login\"}")));
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(okJson("{\"success\":true}")));
		return id;
	}

	private static String signedRequest(String userId) {
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		String payload = base64url.encodeToString(
				"{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"%s\"}"
					.formatted(Instant.now().getEpochSecond(), userId).getBytes(StandardCharsets.UTF_8));
		byte[] signature = HmacSha256.sign(Webhooks.APP_SECRET.getBytes(StandardCharsets.UTF_8),
				payload.getBytes(StandardCharsets.US_ASCII));
		return base64url.encodeToString(signature) + "." + payload;
	}

}
