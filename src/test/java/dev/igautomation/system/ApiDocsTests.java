package dev.igautomation.system;

import java.util.ArrayList;
import java.util.List;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI and the OpenAPI document: reachable without a key, with the Bearer scheme, snake_case schemas,
 * examples, and the problem answers of each operation.
 */
@IntegrationTest
class ApiDocsTests {

	@Autowired
	RestTestClient client;

	Api api;

	JsonNode document;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		Answer answer = api.get("/v3/api-docs", null);
		assertThat(answer.status()).isEqualTo(200);
		document = answer.body();
	}

	@Test
	void swaggerUiOpensAtDocs() {
		Answer docs = api.get("/docs", null);
		if (docs.status() == 302) {
			docs = api.get(docs.headers().getLocation().toString(), null);
		}

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.text()).contains("<div id=\"swagger-ui\">");
	}

	@Test
	void bearerSchemeIsBehindTheAuthorizeButton() {
		JsonNode scheme = document.at("/components/securitySchemes/api_key");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/paths/~1api~1v1~1accounts/post/security/0").has("api_key")).isTrue();
	}

	@Test
	void schemasUseTheSnakeCaseNamesOfTheWire() {
		JsonNode properties = document.at("/components/schemas/CreateAccountRequest/properties");
		assertThat(properties.has("instagram_account_id")).isTrue();
		assertThat(properties.has("instagramAccountId")).isFalse();
		assertThat(properties.at("/instagram_account_id/example").asString()).isEqualTo("17841405309211844");
	}

	@Test
	void operationsHaveNamesForGeneratedClientsInTheOrderAUserMeetsThem() {
		List<String> operationIds = new ArrayList<>();
		List<String> tagsInPathOrder = new ArrayList<>();
		for (var path : document.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				operationIds.add(operation.getValue().get("operationId").asString());
				String tag = operation.getValue().at("/tags/0").asString();
				if (!tagsInPathOrder.contains(tag)) {
					tagsInPathOrder.add(tag);
				}
			}
		}

		assertThat(operationIds).doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(id).matches("[a-z]+(?:[A-Z][a-z]+)+"))
			.contains("createAccount", "sendMessage", "listRules", "receiveWebhook");
		assertThat(document.get("paths").has("/error")).as("the error controller is not an API").isFalse();
		List<String> tags = new ArrayList<>();
		document.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
		assertThat(tags).startsWith("Accounts", "API keys", "Auto-reply rules", "Meta webhooks");
		assertThat(tagsInPathOrder).isEqualTo(tags);
	}

	@Test
	void schemasSayWhatTheServiceAccepts() {
		List<String> unanchored = new ArrayList<>();
		document.findParents("pattern").stream()
			.filter(schema -> schema.has("type") && schema.get("pattern").isString())
			.map(schema -> schema.get("pattern").asString())
			.filter(pattern -> !(pattern.startsWith("^") && pattern.endsWith("$")))
			.forEach(unanchored::add);
		assertThat(document.at("/components/schemas/CreateAccountRequest/properties/instagram_account_id/pattern")
			.asString()).isEqualTo("^(?:\\d{1,32})$");
		assertThat(unanchored).as("patterns match the whole value, as @Pattern does").isEmpty();
		for (String request : List.of("CreateAccountRequest", "SendRequest", "SendAttachment", "CreateRuleRequest",
				"PauseRequest")) {
			JsonNode schema = document.at("/components/schemas/" + request);
			assertThat(schema.get("type").asString()).as(request).isEqualTo("object");
			assertThat(schema.get("additionalProperties").asBoolean(true)).as(request + " refuses unknown fields")
				.isFalse();
		}
		assertThat(document.at("/components/schemas/AccountResponse/properties/token_error/type").toString())
			.contains("null");
		assertThat(document.at("/components/schemas/AccountResponse/properties/id/type").asString())
			.isEqualTo("string");
		assertThat(document.at("/components/schemas/ProblemDetail/properties/instance/format").asString())
			.isEqualTo("uri-reference");
		assertThat(document.at("/paths/~1webhooks~1instagram/post/requestBody/content/application~1json/schema/type")
			.asString()).isEqualTo("object");
		assertThat(document.toString()).doesNotContain("whsec_");
		document.get("paths").forEach(path -> path.forEach(operation -> assertThat(operation.at("/responses/400"))
			.as(operation.get("operationId").asString() + " documents 400").isNotEmpty()));
	}

	@Test
	void everyApiOperationDocumentsItsProblemAnswers() {
		JsonNode paths = document.get("paths");
		int operations = 0;
		for (var path : paths.properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (var operation : path.getValue().properties()) {
				operations++;
				JsonNode responses = operation.getValue().get("responses");
				String name = operation.getKey() + " " + path.getKey();
				assertThat(responses.has("401")).as(name + " documents 401").isTrue();
				assertThat(responses.has("500")).as(name + " documents 500").isTrue();
				assertThat(responses.at("/401/content").has("application/problem+json")).as(name).isTrue();
				assertThat(operation.getValue().get("summary")).as(name + " has a summary").isNotNull();
			}
		}
		assertThat(operations).isGreaterThanOrEqualTo(8);
		assertThat(document.at("/paths/~1api~1v1~1accounts/post/responses").has("409")).isTrue();
		assertThat(document.at("/paths/~1api~1v1~1accounts~1{accountId}/get/responses").has("404")).isTrue();
		assertThat(document.at("/components/schemas/ProblemDetail/properties").has("code")).isTrue();
	}

}
