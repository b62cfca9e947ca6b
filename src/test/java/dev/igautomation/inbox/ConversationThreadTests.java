package dev.igautomation.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SendCommand;
import dev.igautomation.support.Api;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.inbox.ConversationApiTests.ok;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conversation's thread: what the user wrote, auto-replies (with their rule), AI replies, the CRM's and the
 * console's sends with their status, and what a person wrote in the Instagram app, in time order, each labelled with
 * its source; echoes of this service's own sends shown once; reactions, edits and unsends on their message; and the
 * same items page by page.
 */
abstract class ConversationThreadTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Outbound outbound;

	@Test
	void everySourceIsLabelledInTimeOrderAndPagesAddUpToTheWhole() {
		Api api = new Api(client);
		Senders sender = Senders.create(api);
		Dms dms = new Dms(new Webhooks(api), sender.account().instagramAccountId());
		String accountId = sender.account().id();
		String user = sender.userId();
		String aiUser = Dms.newUser();
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + user)).willReturn(okJson(
				"{\"username\":\"ana.b\",\"name\":\"Ana B\"}")));
		String instructions = "Inbox assistant " + UUID.randomUUID();
		Stubs.graph().stubFor(post(urlPathEqualTo("/ai/v1/chat/completions")).withRequestBody(containing(instructions))
			.willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"From the model\"}}]}")));
		rule(api, accountId, Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text",
				"Our prices", "priority", 10));
		String assistant = rule(api, accountId, Map.of("name", "Assistant", "match_type", "any", "action", "ai",
				"ai_instructions", instructions, "reply_text", "fallback", "priority", 20));

		String autoMid = "mid-auto-" + UUID.randomUUID();
		sender.graphAnswers(Senders.sent(autoMid));
		String question = dms.message(user, "What's the price?", Instant.now().minusSeconds(30));
		awaitSent(sender, 1);
		dms.echo(user, autoMid, "Our prices", Instant.now());
		sender.graphAnswers(Senders.sent("mid-ai-" + UUID.randomUUID()));
		dms.message(aiUser, "hello", Instant.now());
		awaitSent(sender, 2);
		assertThat(api.patch("/api/v1/accounts/" + accountId + "/rules/" + assistant, ADMIN_KEY,
				Map.of("enabled", false)).status()).as("no AI reply to what follows").isEqualTo(200);

		sender.graphAnswers(Senders.sent("mid-api-" + UUID.randomUUID()));
		assertThat(api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("From the CRM", "crm-" + UUID.randomUUID()))
			.status()).isEqualTo(202);
		sender.graphAnswers(Senders.sent("mid-console-" + UUID.randomUUID()));
		outbound.send(new SendCommand(accountId, user, null, "From the console", null, null, null, null, null,
				"console-" + UUID.randomUUID(), SendCommand.Source.CONSOLE, null));
		dms.echo(user, "From the phone", Instant.now().plusMillis(5));
		String photo = dms.image(user, "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9", Instant.now()
			.plusMillis(10));
		dms.react(user, autoMid, "\u2764\ufe0f");
		dms.edit(user, question, "What's the price of the blue one?");
		dms.unsend(user, photo);

		String messages = "/api/v1/accounts/" + accountId + "/conversations/" + user + "/messages";
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode thread = ok(api.get(messages, ADMIN_KEY));
			assertThat(field(thread, "source")).containsExactly("user", "instagram_app", "console", "api",
					"auto_reply", "user");
			assertThat(thread.at("/items/0/unsent").asBoolean()).isTrue();
			assertThat(thread.at("/items/4/reactions/0/emoji").asString()).isEqualTo("\u2764\ufe0f");
			assertThat(thread.at("/items/5/edited_at").isNull()).isFalse();
		});
		JsonNode thread = ok(api.get(messages, ADMIN_KEY));
		assertThat(field(thread, "text")).containsExactly(null, "From the phone", "From the console", "From the CRM",
				"Our prices", "What's the price of the blue one?");
		assertThat(thread.at("/items/0/attachments/0/type").asString()).isEqualTo("image");
		assertThat(thread.at("/items/4/rule_name").asString()).isEqualTo("Price");
		assertThat(thread.at("/items/4/status").asString()).isEqualTo("sent");
		assertThat(thread.at("/items/4/reactions/0/by").asString()).isEqualTo("user");
		assertThat(thread.at("/items/2/status").asString()).isEqualTo("sent");
		assertThat(thread.at("/items/1/status").isNull()).isTrue();
		assertThat(thread.at("/items/5/direction").asString()).isEqualTo("inbound");

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = ok(api.get(messages + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN_KEY));
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			paged.addAll(field(page, "id"));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);
		assertThat(paged).isEqualTo(field(thread, "id"));

		JsonNode conversation = ok(api.get("/api/v1/accounts/" + accountId + "/conversations/" + user, ADMIN_KEY));
		assertThat(conversation.get("username").asString()).isEqualTo("ana.b");
		assertThat(conversation.get("bot_paused").asBoolean()).as("the CRM's and the console's sends paused the bot")
			.isTrue();
		JsonNode ai = ok(api.get("/api/v1/accounts/" + accountId + "/conversations/" + aiUser + "/messages", ADMIN_KEY));
		assertThat(field(ai, "source")).containsExactly("ai", "user");
		assertThat(ai.at("/items/0/rule_name").asString()).isEqualTo("Assistant");
		assertThat(ai.at("/items/0/text").asString()).isEqualTo("From the model");
	}

	private static String rule(Api api, String accountId, Map<String, Object> fields) {
		Api.Answer created = api.post("/api/v1/accounts/" + accountId + "/rules", ADMIN_KEY, fields);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	/** Waits for the account's {@code count}th send to reach the Graph stub. */
	private static void awaitSent(Senders sender, int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> sender.graphCalls().size() >= count);
	}

	private static List<String> field(JsonNode page, String name) {
		List<String> values = new ArrayList<>();
		page.get("items").forEach(item -> values.add(item.get(name).isNull() ? null : item.get(name).asString()));
		return values;
	}

}
