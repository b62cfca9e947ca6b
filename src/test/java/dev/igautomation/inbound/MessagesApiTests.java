package dev.igautomation.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.IntegrationTest;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading an account's stored messages: newest first by their own timestamps, filtered, paginated.
 */
@IntegrationTest
class MessagesApiTests {

	@Autowired
	RestTestClient client;

	Api api;

	TestAccounts account;

	String base;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		account = TestAccounts.create(api);
		base = "/api/v1/accounts/" + account.id() + "/messages";
		Webhooks webhooks = new Webhooks(api);
		String ig = account.instagramAccountId();
		webhooks.post(event(ig, "1001", ig, 1_763_800_000_000L, "m-old", "first", false));
		webhooks.post(event(ig, ig, "1001", 1_763_800_060_000L, "m-echo", "our answer", true));
		webhooks.post(event(ig, "2002", ig, 1_763_800_030_000L, "m-other", "another user", false));
		webhooks.post(event(ig, "1001", ig, 1_763_800_120_000L, "m-new", "latest", false));
	}

	@Test
	void listIsNewestFirstByTheEventsOwnTimestamps() {
		Api.Answer page = api.get(base, ADMIN_KEY);

		assertThat(page.status()).isEqualTo(200);
		assertThat(texts(page)).containsExactly("latest", "our answer", "another user", "first");
		JsonNode latest = page.body().at("/items/0");
		assertThat(latest.get("message_id").asString()).isEqualTo("m-new");
		assertThat(latest.get("kind").asString()).isEqualTo("message");
		assertThat(latest.get("direction").asString()).isEqualTo("inbound");
		assertThat(latest.get("user_id").asString()).isEqualTo("1001");
		assertThat(latest.get("timestamp").asString()).isEqualTo("2025-11-22T08:28:40Z");
		assertThat(latest.has("raw")).isFalse();
	}

	@Test
	void filtersByUserDirectionAndTime() {
		assertThat(texts(api.get(base + "?user_id=1001", ADMIN_KEY))).containsExactly("latest", "our answer", "first");
		assertThat(texts(api.get(base + "?direction=outbound", ADMIN_KEY))).containsExactly("our answer");
		assertThat(texts(api.get(base + "?kind=echo", ADMIN_KEY))).containsExactly("our answer");
		assertThat(texts(api.get(base + "?since=2025-11-22T08:27:10Z&until=2025-11-22T08:28:40Z", ADMIN_KEY)))
			.containsExactly("our answer", "another user");
		assertThat(api.get(base + "?direction=sideways", ADMIN_KEY).status()).isEqualTo(400);
		assertThat(api.get(base + "?since=yesterday", ADMIN_KEY).status()).isEqualTo(400);
	}

	@Test
	void pagesFollowOneAnotherWithoutGapsOrRepeats() {
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			Api.Answer page = api.get(base + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN_KEY);
			seen.addAll(texts(page));
			cursor = page.body().get("next_cursor").isNull() ? null : page.body().get("next_cursor").asString();
		}
		while (cursor != null);

		assertThat(seen).containsExactly("latest", "our answer", "another user", "first");
	}

	@Test
	void oneMessageIsFoundByItsMidWithItsRawEvent() {
		Api.Answer message = api.get(base + "/m-echo", ADMIN_KEY);

		assertThat(message.status()).isEqualTo(200);
		assertThat(message.at("/kind")).isEqualTo("echo");
		assertThat(message.body().at("/raw/message/is_echo").asBoolean()).isTrue();
		assertThat(message.body().get("attachments").isArray()).as("[] as in the CRM payload, never null").isTrue();
		assertThat(message.body().get("attachments")).isEmpty();
		Api.Answer missing = api.get(base + "/m-nope", ADMIN_KEY);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.at("/code")).isEqualTo("message_not_found");
	}

	@Test
	void anotherAccountsKeySeesNoneOfThem() {
		String other = api.createAccount(ADMIN_KEY, Map.of());
		String key = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "other", "account_ids", List.of(other)))
			.at("/key");

		assertThat(api.get(base, key).status()).isEqualTo(404);
	}

	private static List<String> texts(Api.Answer page) {
		List<String> texts = new ArrayList<>();
		page.body().get("items").forEach(item -> texts.add(item.get("text").asString()));
		return texts;
	}

	private static String event(String account, String sender, String recipient, long timestamp, String mid,
			String text, boolean echo) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s"%s}}]}]}"""
			.formatted(account, timestamp, sender, recipient, timestamp, mid, text, echo ? ",\"is_echo\":true" : "");
	}

}
