package dev.igautomation.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buttons, cards, reactions and sender actions through the send API: the body the Graph API stub receives is the one
 * Meta documents (src/test/resources/meta-send), and each of Meta's limits one over is a 400 naming the field, with
 * no call. Run on H2 and on PostgreSQL.
 */
abstract class RichMessagesTests {

	@Autowired
	RestTestClient client;

	Api api;

	Senders sender;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
		sender.userWrote(new Webhooks(api), Instant.now().minusSeconds(60));
	}

	@Test
	void buttonsAreSentAsMetasButtonTemplate() {
		sender.graphAnswers(Senders.sent("mid-buttons"));

		Api.Answer accepted = send(Map.of("buttons", Map.of("text", "What do you want to do next?", "buttons", List.of(
				Map.of("type", "web_url", "url", "https://www.messenger.com", "title", "Visit Messenger"),
				Map.of("type", "postback", "title", "Start Chatting", "payload", "DEVELOPER_DEFINED_PAYLOAD")))));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.at("/status")).isEqualTo("sent");
		assertThat(graphBody(0)).isEqualTo(documented("button-template.json"));
	}

	@Test
	void cardsAreSentAsMetasGenericTemplate() {
		sender.graphAnswers(Senders.sent("mid-cards"));

		Api.Answer accepted = send(Map.of("cards", List.of(
				Map.of("title", "Welcome!", "subtitle", "We have the right hat for everyone.", "image_url",
						"https://github.com/fbsamples/original-coast-clothing/blob/main/public/looks/male-work.jpg",
						"default_url", "https://www.originalcoastclothing.com", "buttons", List.of(
								Map.of("type", "web_url", "url", "https://www.originalcoastclothing.com", "title",
										"View Website"),
								Map.of("type", "postback", "title", "Start Chatting", "payload",
										"DEVELOPER_DEFINED_PAYLOAD"))),
				Map.of("title", "Hats", "subtitle", "From 19 EUR", "buttons",
						List.of(Map.of("type", "postback", "title", "Hats", "payload", "HATS"))),
				Map.of("title", "Shoes", "image_url", "https://cdn.example.com/shoes.jpg"))));

		assertThat(accepted.at("/status")).isEqualTo("sent");
		assertThat(graphBody(0)).isEqualTo(documented("generic-template.json"));
	}

	@Test
	void reactionsAreSenderActionsOnTheUsersMessage() {
		sender.graphAnswers(okJson("{\"recipient_id\":\"" + sender.userId() + "\"}"));

		Api.Answer react = send(Map.of("reaction", Map.of("message_id", "MID-OF-THE-USER", "action", "react")));
		Api.Answer unreact = send(Map.of("reaction", Map.of("message_id", "MID-OF-THE-USER", "action", "unreact")));

		assertThat(react.at("/status")).isEqualTo("sent");
		assertThat(unreact.at("/status")).isEqualTo("sent");
		assertThat(graphBody(0)).isEqualTo(documented("react.json"));
		assertThat(graphBody(1)).isEqualTo(documented("unreact.json"));
	}

	@Test
	void eachLimitOfMetasOneOverIsRefusedNamingTheFieldWithNoCall() {
		Map<String, Object> button = Map.of("type", "postback", "title", "Menu", "payload", "MENU");
		List<Map<String, Object>> cards = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			cards.add(Map.of("title", "Card " + i, "subtitle", "ok", "buttons", List.of(button)));
		}

		assertRefused(Map.of("buttons", Map.of("text", "x".repeat(641), "buttons", List.of(button))), "buttons.text");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons", List.of(button, button, button, button))),
				"buttons.buttons");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons", List.of())), "buttons.buttons");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons",
				List.of(Map.of("type", "postback", "title", "x".repeat(21), "payload", "P")))), "buttons.buttons[0].title");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons",
				List.of(Map.of("type", "postback", "title", "Menu", "payload", "p".repeat(1001))))),
				"buttons.buttons[0].payload");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons",
				List.of(Map.of("type", "web_url", "title", "Site", "url", "javascript:alert(1)")))),
				"buttons.buttons[0].url");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons",
				List.of(Map.of("type", "postback", "title", "Menu")))), "buttons.buttons[0].payload");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons",
				List.of(Map.of("type", "call", "title", "Menu")))), "buttons.buttons[0].type");

		List<Map<String, Object>> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(Map.of("title", "Card " + i, "subtitle", "ok"));
		}
		assertRefused(Map.of("cards", eleven), "cards");
		assertRefused(Map.of("cards", withCard(cards, 3, "title", "t".repeat(81))), "cards[3].title");
		assertRefused(Map.of("cards", withCard(cards, 3, "subtitle", "s".repeat(81))), "cards[3].subtitle");
		assertRefused(Map.of("cards", withCard(cards, 3, "buttons", List.of(button, button, button, button))),
				"cards[3].buttons");
		assertRefused(Map.of("cards", withCard(cards, 3, "buttons",
				List.of(Map.of("type", "postback", "title", "x".repeat(21), "payload", "P")))), "cards[3].buttons[0].title");
		assertRefused(Map.of("cards", withCard(cards, 3, "image_url", "ftp://cdn.example.com/a.jpg")),
				"cards[3].image_url");
		assertRefused(Map.of("cards", List.of(Map.of("title", "Only a title"))), "cards[0]");
		assertRefused(Map.of("reaction", Map.of("message_id", "m", "action", "smile")), "reaction.action");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons", List.of(button)), "message", "and text"),
				"message");
		assertRefused(Map.of("buttons", Map.of("text", "Pick", "buttons", List.of(button)), "cards", cards), "cards");

		assertThat(sender.graphCalls()).isEmpty();
	}

	@Test
	void richMessagesKeepToTheMessagingWindowAndMayBeSentAsAPerson() {
		Senders stale = Senders.create(api);
		stale.userWrote(new Webhooks(api), Instant.now().minus(Duration.ofHours(30)));
		Map<String, Object> buttons = new HashMap<>(Map.of("account_id", stale.account().id(), "recipient_id",
				stale.userId(), "idempotency_key", "k-stale", "buttons", Map.of("text", "Still interested?", "buttons",
						List.of(Map.of("type", "postback", "title", "Yes", "payload", "YES")))));

		Api.Answer refused = api.post("/api/v1/messages/send", ADMIN_KEY, buttons);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/code")).isEqualTo("outside_messaging_window");
		assertThat(stale.graphCalls()).isEmpty();

		stale.graphAnswers(Senders.sent("mid-stale-human"));
		buttons.put("tag", "HUMAN_AGENT");
		buttons.put("idempotency_key", "k-stale-human");
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, buttons).at("/status")).isEqualTo("sent");
		JsonNode sent = Api.json().readTree(stale.graphCalls().get(0).getBodyAsString());
		assertThat(sent.get("tag").asString()).isEqualTo("HUMAN_AGENT");
		assertThat(sent.at("/message/attachment/payload/template_type").asString()).isEqualTo("button");
	}

	@Test
	void senderActionsReachTheGraphApiAtOnce() {
		sender.graphAnswers(okJson("{\"recipient_id\":\"" + sender.userId() + "\"}"));

		Api.Answer shown = api.post("/api/v1/messages/actions", ADMIN_KEY,
				Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(), "action", "typing_on"));

		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.at("/action")).isEqualTo("typing_on");
		assertThat(graphBody(0)).isEqualTo(documented("typing-on.json"));
	}

	@Test
	void senderActionsAreRefusedClearly() {
		Api.Answer unknown = api.post("/api/v1/messages/actions", ADMIN_KEY,
				Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(), "action", "dance"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.at("/errors/0/field")).isEqualTo("action");

		Senders never = Senders.create(api);
		Api.Answer outside = api.post("/api/v1/messages/actions", ADMIN_KEY,
				Map.of("account_id", never.account().id(), "recipient_id", never.userId(), "action", "mark_seen"));
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.at("/code")).isEqualTo("outside_messaging_window");
		assertThat(never.graphCalls()).isEmpty();
		assertThat(sender.graphCalls()).isEmpty();

		sender.graphAnswers(Senders.error(400, 100, 2018001, false));
		Api.Answer failed = api.post("/api/v1/messages/actions", ADMIN_KEY,
				Map.of("account_id", sender.account().id(), "recipient_id", sender.userId(), "action", "typing_off"));
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.contentType()).isEqualTo("application/problem+json");
		assertThat(failed.at("/code")).isEqualTo("sender_action_failed");
		assertThat(failed.body().at("/error_code").asInt()).isEqualTo(100);
	}

	private Api.Answer send(Map<String, Object> content) {
		Map<String, Object> request = new HashMap<>(content);
		request.put("account_id", sender.account().id());
		request.put("recipient_id", sender.userId());
		request.put("idempotency_key", "k-" + java.util.UUID.randomUUID());
		return api.post("/api/v1/messages/send", ADMIN_KEY, request);
	}

	private void assertRefused(Map<String, Object> content, String field) {
		Api.Answer answer = send(content);
		assertThat(answer.status()).as(field).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		List<String> fields = new ArrayList<>();
		answer.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
		assertThat(fields).as(answer.text()).contains(field);
		assertThat(answer.at("/detail")).contains(field);
	}

	private static List<Map<String, Object>> withCard(List<Map<String, Object>> cards, int index, String field,
			Object value) {
		List<Map<String, Object>> changed = new ArrayList<>(cards);
		Map<String, Object> card = new HashMap<>(cards.get(index));
		card.put(field, value);
		changed.set(index, card);
		return changed;
	}

	private JsonNode graphBody(int index) {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> calls = new ArrayList<>(sender.graphCalls());
		calls.sort(java.util.Comparator.comparing(com.github.tomakehurst.wiremock.verification.LoggedRequest::getLoggedDate));
		return Api.json().readTree(Stubs.assertFixedLength(calls.get(index)).getBodyAsString());
	}

	private JsonNode documented(String name) {
		try (InputStream in = getClass().getResourceAsStream("/meta-send/" + name)) {
			return Api.json().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"USER\"", "\"" + sender.userId() + "\""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
