package dev.igautomation.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversations API over real HTTP, the conversations made by signed webhooks: newest activity first, page by
 * page, unread counts and reading, the filters, assignment and state, and another account's conversations absent.
 */
abstract class ConversationApiTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Operators operators;

	Api api;

	Dms dms;

	Senders sender;

	String conversations;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
		dms = new Dms(new Webhooks(api), sender.account().instagramAccountId());
		conversations = "/api/v1/accounts/" + sender.account().id() + "/conversations";
	}

	@Test
	void newestActivityComesFirstPageByPageWithUnreadCountsUntilRead() {
		Instant now = Instant.now();
		String first = Dms.newUser();
		String second = Dms.newUser();
		String third = Dms.newUser();
		dms.message(second, "second", now.minusSeconds(120));
		dms.message(first, "first", now.minusSeconds(180));
		dms.message(third, "third, once", now.minusSeconds(60));
		dms.message(third, "third, twice", now.minusSeconds(30));
		awaitListed(3);

		JsonNode page = ok(api.get(conversations + "?limit=2", ADMIN_KEY));
		assertThat(users(page)).containsExactly(third, second);
		assertThat(page.at("/items/0/unread_count").asInt()).isEqualTo(2);
		assertThat(page.at("/items/0/last_message_preview").asString()).isEqualTo("third, twice");
		assertThat(page.at("/items/0/last_message_direction").asString()).isEqualTo("inbound");
		assertThat(page.at("/items/0/message_count").asLong()).isEqualTo(2);
		assertThat(Instant.parse(page.at("/items/0/window_closes_at").asString()))
			.isEqualTo(Instant.ofEpochMilli(now.minusSeconds(30).toEpochMilli()).plus(Duration.ofHours(24)));
		assertThat(Instant.parse(page.at("/items/0/human_agent_until").asString()))
			.isEqualTo(Instant.ofEpochMilli(now.minusSeconds(30).toEpochMilli()).plus(Duration.ofDays(7)));
		assertThat(page.at("/items/0/state").asString()).isEqualTo("open");
		JsonNode rest = ok(api.get(conversations + "?limit=2&cursor=" + page.get("next_cursor").asString(), ADMIN_KEY));
		assertThat(users(rest)).containsExactly(first);
		assertThat(rest.get("next_cursor").isNull()).isTrue();

		JsonNode read = ok(api.post(conversations + "/" + third + "/read", ADMIN_KEY, null));
		assertThat(read.get("unread_count").asInt()).isZero();
		assertThat(users(ok(api.get(conversations + "?filter=unread", ADMIN_KEY)))).containsExactlyInAnyOrder(first,
				second);
		dms.message(third, "third, again", Instant.now());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				ok(api.get(conversations + "/" + third, ADMIN_KEY)).get("unread_count").asInt()).isEqualTo(1));
	}

	@Test
	void filtersNarrowTheListAndDoneLastsUntilTheUserWritesAgain() {
		String recent = Dms.newUser();
		String lapsed = Dms.newUser();
		String paused = Dms.newUser();
		dms.message(lapsed, "two days ago", Instant.now().minus(Duration.ofDays(2)));
		dms.message(paused, "pause me", Instant.now().minusSeconds(20));
		dms.message(recent, "just now", Instant.now().minusSeconds(10));
		awaitListed(3);

		assertThat(users(ok(api.get(conversations + "?filter=window_open", ADMIN_KEY)))).containsExactly(recent,
				paused);
		assertThat(api.post("/api/v1/accounts/" + sender.account().id() + "/contacts/" + paused + "/pause", ADMIN_KEY,
				null).status()).isEqualTo(200);
		JsonNode pausedOnly = ok(api.get(conversations + "?filter=bot_paused", ADMIN_KEY));
		assertThat(users(pausedOnly)).containsExactly(paused);
		assertThat(pausedOnly.at("/items/0/bot_paused").asBoolean()).isTrue();
		assertThat(pausedOnly.at("/items/0/bot_paused_until").isNull()).isTrue();

		Operator agent = operator(Set.of(sender.account().id()));
		JsonNode assigned = ok(put(conversations + "/" + recent + "/assignee", Map.of("assignee_id", agent.id())));
		assertThat(assigned.get("assignee_name").asString()).isEqualTo(agent.displayName());
		assertThat(users(ok(api.get(conversations + "?assignee_id=" + agent.id(), ADMIN_KEY)))).containsExactly(recent);
		assertProblem(api.get(conversations + "?filter=assigned_to_me", ADMIN_KEY), 400, "filter_needs_operator");
		Operator stranger = operator(Set.of());
		assertProblem(put(conversations + "/" + recent + "/assignee", Map.of("assignee_id", stranger.id())), 422,
				"unknown_assignee");
		Map<String, Object> unassign = new java.util.HashMap<>();
		unassign.put("assignee_id", null);
		assertThat(ok(put(conversations + "/" + recent + "/assignee", unassign)).get("assignee_id").isNull()).isTrue();

		assertThat(ok(put(conversations + "/" + lapsed + "/state", Map.of("state", "done"))).get("state").asString())
			.isEqualTo("done");
		assertThat(users(ok(api.get(conversations, ADMIN_KEY)))).containsExactly(recent, paused);
		assertThat(users(ok(api.get(conversations + "?filter=done", ADMIN_KEY)))).containsExactly(lapsed);
		dms.message(lapsed, "back again", Instant.now());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				users(ok(api.get(conversations, ADMIN_KEY)))).containsExactly(lapsed, recent, paused));
		assertThat(users(ok(api.get(conversations + "?search=BACK", ADMIN_KEY)))).containsExactly(lapsed);
		assertProblem(put(conversations + "/" + lapsed + "/state", Map.of("state", "closed")), 400, null);
	}

	@Test
	void anotherAccountsConversationIsAbsent() {
		String user = Dms.newUser();
		dms.message(user, "hello", Instant.now());
		awaitListed(1);
		Senders other = Senders.create(api);
		String otherKey = api.post("/api/v1/api-keys", ADMIN_KEY,
				Map.of("name", "other-" + UUID.randomUUID(), "account_ids", List.of(other.account().id())))
			.at("/key");

		for (String path : List.of(conversations, conversations + "/" + user, conversations + "/" + user + "/messages")) {
			assertProblem(api.get(path, otherKey), 404, "account_not_found");
		}
		assertProblem(api.post(conversations + "/" + user + "/read", otherKey, null), 404, "account_not_found");
		String otherConversations = "/api/v1/accounts/" + other.account().id() + "/conversations";
		assertProblem(api.get(otherConversations + "/" + user, otherKey), 404, "conversation_not_found");
		assertProblem(api.get(otherConversations + "/" + user + "/messages", ADMIN_KEY), 404, "conversation_not_found");
		assertThat(users(ok(api.get(otherConversations, otherKey)))).isEmpty();
		assertProblem(api.get(conversations + "?cursor=not-a-cursor", ADMIN_KEY), 400, "invalid_cursor");
		assertProblem(api.get(conversations + "?filter=everything", ADMIN_KEY), 400, null);
	}

	private Operator operator(Set<String> accounts) {
		String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Operators.Invited invited = operators.invite(email, "Agent " + email.substring(6, 10), Operator.Role.AGENT,
				accounts);
		return operators.choosePassword(invited.token(), "a-long-test-password");
	}

	private Answer put(String path, Object body) {
		return api.exchange(HttpMethod.PUT, path, ADMIN_KEY, body, headers -> {
		});
	}

	private void awaitListed(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(users(ok(api.get(conversations + "?limit=100", ADMIN_KEY)))).hasSize(count));
	}

	static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.body();
	}

	static void assertProblem(Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(answer.at("/code")).isEqualTo(code);
		}
	}

	static List<String> users(JsonNode page) {
		List<String> users = new ArrayList<>();
		page.get("items").forEach(item -> users.add(item.get("user_id").asString()));
		return users;
	}

}
