package dev.igautomation.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-replies end to end: signed webhooks in, the Graph API (WireMock) out. Rules, templates from the user's
 * profile, exactly one reply per message, loop safety, human takeover and cooldowns. Run on H2 and on PostgreSQL.
 */
abstract class AutoReplyTests {

	/** How long to watch for a reply that must not come, once the message that could cause it was processed. */
	private static final Duration QUIET = Duration.ofMillis(800);

	@Autowired
	RestTestClient client;

	Api api;

	Webhooks webhooks;

	Senders sender;

	String rules;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		webhooks = new Webhooks(api);
		sender = Senders.create(api);
		sender.graphAnswers(Senders.sent("mid-auto-" + UUID.randomUUID()));
		rules = "/api/v1/accounts/" + sender.account().id() + "/rules";
	}

	@Test
	void containsRuleAnswersWithTheUsernameOnceEvenWhenMetaSendsTheMessageAgain() {
		profileIs("{\"username\":\"jane.doe\",\"name\":\"Jane Doe\",\"id\":\"" + sender.userId() + "\"}");
		String ruleId = rule(Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text",
				"Hi {username}! It is 49 EUR."));

		String body = dmBody("What's the PRICE?", "mid-price-" + UUID.randomUUID());
		assertThat(webhooks.post(body).status()).isEqualTo(200);

		List<String> replies = awaitReplies(1);
		assertThat(replies).containsExactly("Hi jane.doe! It is 49 EUR.");
		JsonNode sent = Api.json().readTree(sender.graphCalls().get(0).getBodyAsString());
		assertThat(sent.at("/recipient/id").asString()).isEqualTo(sender.userId());

		assertThat(webhooks.post(body).status()).isEqualTo(200);
		dm("Unrelated, so that the redelivery had time to be processed");
		assertNoMoreRepliesThan(1);

		JsonNode listed = api.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages?source=auto_reply",
				ADMIN_KEY).body();
		assertThat(listed.at("/items").size()).isEqualTo(1);
		JsonNode reply = listed.at("/items/0");
		assertThat(reply.get("rule_id").asString()).isEqualTo(ruleId);
		assertThat(reply.get("source").asString()).isEqualTo("auto_reply");
		assertThat(reply.get("text").asString()).isEqualTo("Hi jane.doe! It is 49 EUR.");
		await().untilAsserted(() -> assertThat(api
			.get("/api/v1/messages/" + reply.get("message_id").asString() + "/status", ADMIN_KEY)
			.at("/status")).isEqualTo("sent"));
	}

	@Test
	void exactMatchIgnoresCaseAndSurroundingWhitespaceButNotMoreWords() {
		rule(Map.of("name", "Hours", "match_type", "exact", "pattern", "opening hours", "reply_text", "9 to 18."));

		dmAndWaitUntilProcessed("opening hours please");
		assertNoMoreRepliesThan(0);

		dm("  \tOPENING Hours \n");
		assertThat(awaitReplies(1)).containsExactly("9 to 18.");
	}

	@Test
	void regexMatchesIgnoringCase() {
		rule(Map.of("name", "Shipping", "match_type", "regex", "pattern", "\\b(ship|deliver)(ping|y)?\\b",
				"reply_text", "We ship in 2 days."));

		dmAndWaitUntilProcessed("Is there a relationship?");
		assertNoMoreRepliesThan(0);

		dm("How long does DELIVERY take?");
		assertThat(awaitReplies(1)).containsExactly("We ship in 2 days.");
	}

	@Test
	void rulesAreTriedByPriorityAndDisabledRulesNeverAnswer() {
		String first = rule(Map.of("name", "First", "match_type", "contains", "pattern", "dress", "reply_text",
				"first", "priority", 1));
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "default", "priority", 1000));
		rule(Map.of("name", "Second", "match_type", "contains", "pattern", "dress", "reply_text", "second",
				"priority", 2));

		dm("The blue dress?");
		assertThat(awaitReplies(1)).containsExactly("first");

		assertThat(api.patch(rules + "/" + first, ADMIN_KEY, Map.of("enabled", false)).status()).isEqualTo(200);
		dm("The red dress?");
		assertThat(awaitReplies(2)).containsExactly("first", "second");

		dm("Something else");
		assertThat(awaitReplies(3)).containsExactly("first", "second", "default");
		assertThat(api.get(rules, ADMIN_KEY).body().at("/items").findValuesAsString("name"))
			.containsExactly("First", "Second", "Default");
	}

	@Test
	void aRegexThatRunsTooLongIsStoppedAndTheNextRuleAnswers() {
		rule(Map.of("name", "Catastrophic", "match_type", "regex", "pattern", "^(a+)+$", "reply_text", "never",
				"priority", 1));
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "default", "priority", 2));

		dm("a".repeat(60) + "!");

		assertThat(awaitReplies(1)).containsExactly("default");
	}

	@Test
	void withoutAProfileTheFallbackNameIsUsedAndNoPlaceholderIsEverSent() {
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + sender.userId()))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(Senders.error(400, 230, null, false)));
		String rule = rule(Map.of("name", "Hello", "match_type", "contains", "pattern", "hello", "reply_text",
				"Hi {username}, {name} here?", "fallback_name", "friend"));

		dm("hello");
		assertThat(awaitReplies(1)).containsExactly("Hi friend, friend here?");

		api.patch(rules + "/" + rule, ADMIN_KEY, Map.of("fallback_name", ""));
		dm("hello again");
		assertThat(awaitReplies(2)).last().isEqualTo("Hi, here?");
	}

	@Test
	void nameComesFromTheProfileToo() {
		profileIs("{\"username\":\"jane.doe\",\"name\":\"Jane Doe\"}");
		rule(Map.of("name", "Hello", "match_type", "any", "reply_text", "Hello {name}!"));

		dm("hi");

		assertThat(awaitReplies(1)).containsExactly("Hello Jane Doe!");
	}

	@Test
	void echoesReadsAndReactionsNeverTriggerRules() {
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "default"));
		String mid = dmAndWaitUntilProcessed("first");
		awaitReplies(1);

		sender.read(webhooks, mid);
		webhooks.post(event("\"reaction\":{\"mid\":\"%s\",\"action\":\"react\",\"reaction\":\"love\",\"emoji\":\"❤\"}"
			.formatted(mid)));
		webhooks.post(event("\"message\":{\"mid\":\"%s\",\"is_deleted\":true}".formatted(mid)));
		dmAndWaitUntilProcessed("marker");

		assertThat(awaitReplies(2)).containsExactly("default", "default");
		assertNoMoreRepliesThan(2);
	}

	@Test
	void aPersonWritingFromTheInstagramAppPausesAutoRepliesUntilThePauseEnds() {
		rule(Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text", "49 EUR."));

		sender.echo(webhooks, "mid-human-" + UUID.randomUUID(), "Hi, I am Anna from the shop");
		await().until(() -> api.get(contacts() + "/" + sender.userId(), ADMIN_KEY).body().get("paused").asBoolean());
		dmAndWaitUntilProcessed("What's the price?");
		assertNoMoreRepliesThan(0);

		JsonNode contact = api.get(contacts() + "/" + sender.userId(), ADMIN_KEY).body();
		assertThat(contact.get("paused").asBoolean()).isTrue();
		assertThat(contact.get("reason").asString()).isEqualTo("human_reply");
		assertThat(api.get(contacts() + "/paused", ADMIN_KEY).body().at("/items").findValuesAsString("user_id"))
			.containsExactly(sender.userId());

		await().atMost(Duration.ofSeconds(15))
			.until(() -> !api.get(contacts() + "/" + sender.userId(), ADMIN_KEY).body().get("paused").asBoolean());
		dm("And the price now?");
		assertThat(awaitReplies(1)).containsExactly("49 EUR.");
	}

	@Test
	void theServicesOwnEchoesPauseNothing() {
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "On it!"));
		sender.graphAnswers(Senders.sent("mid-own-reply"));

		dm("first");
		awaitReplies(1);
		await().until(() -> "sent".equals(api
			.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages", ADMIN_KEY)
			.at("/items/0/status")));
		sender.echo(webhooks, "mid-own-reply", "On it!");
		dmAndWaitUntilProcessed("second");

		assertThat(awaitReplies(2)).containsExactly("On it!", "On it!");
		assertThat(api.get(contacts() + "/" + sender.userId(), ADMIN_KEY).body().get("paused").asBoolean()).isFalse();
	}

	@Test
	void aSendThroughTheApiPausesAutoReplies() {
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "auto"));
		dm("first");
		awaitReplies(1);

		api.post("/api/v1/messages/send", ADMIN_KEY, sender.text("A person answers", "k-" + UUID.randomUUID()));
		dmAndWaitUntilProcessed("thanks!");

		assertNoMoreRepliesThan(2);
		assertThat(api.get(contacts() + "/" + sender.userId(), ADMIN_KEY).at("/reason")).isEqualTo("api_send");
	}

	@Test
	void operatorsPauseAndResumeAUser() {
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "auto"));

		Api.Answer paused = api.post(contacts() + "/" + sender.userId() + "/pause", ADMIN_KEY, null);
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.at("/reason")).isEqualTo("operator");
		assertThat(paused.body().get("paused_until").isNull()).isTrue();
		dmAndWaitUntilProcessed("anyone?");
		assertNoMoreRepliesThan(0);

		assertThat(api.post(contacts() + "/" + sender.userId() + "/resume", ADMIN_KEY, null).status()).isEqualTo(204);
		dm("hello?");
		assertThat(awaitReplies(1)).containsExactly("auto");

		Api.Answer timed = api.post(contacts() + "/" + sender.userId() + "/pause", ADMIN_KEY, Map.of("minutes", 30));
		assertThat(timed.body().get("paused_until").isNull()).isFalse();
		assertThat(api.post(contacts() + "/abc/pause", ADMIN_KEY, null).status()).isEqualTo(400);
		assertThat(api.post(contacts() + "/" + sender.userId() + "/pause", ADMIN_KEY, Map.of("minutes", 0)).status())
			.isEqualTo(400);
	}

	@Test
	void aRuleInCooldownDoesNotAnswerTheSamePersonAgain() {
		rule(Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text", "49 EUR.",
				"cooldown_minutes", 60));
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "default", "priority", 1000));

		dm("price?");
		awaitReplies(1);
		dmAndWaitUntilProcessed("price, again?");

		assertNoMoreRepliesThan(1);
		assertThat(awaitReplies(1)).containsExactly("49 EUR.");
	}

	@Test
	void postbacksAndQuickRepliesAreMatchedOnTheirPayloadAndStoryMentionsByAny() {
		rule(Map.of("name", "Catalogue", "trigger", "postback", "match_type", "exact", "pattern", "CATALOGUE",
				"reply_text", "Our catalogue"));
		rule(Map.of("name", "Yes", "trigger", "quick_reply", "match_type", "exact", "pattern", "order_yes",
				"reply_text", "Ordered"));
		rule(Map.of("name", "Mention", "trigger", "story_mention", "match_type", "any", "reply_text", "Thanks!"));
		rule(Map.of("name", "Story reply", "trigger", "story_reply", "match_type", "contains", "pattern", "love",
				"reply_text", "Glad you like it"));

		webhooks.post(event("\"postback\":{\"mid\":\"pb-%s\",\"title\":\"See the catalogue\",\"payload\":\"CATALOGUE\"}"
			.formatted(UUID.randomUUID())));
		assertThat(awaitReplies(1)).containsExactly("Our catalogue");
		webhooks.post(event(("\"message\":{\"mid\":\"qr-%s\",\"text\":\"Yes please\","
				+ "\"quick_reply\":{\"payload\":\"ORDER_YES\"}}").formatted(UUID.randomUUID())));
		assertThat(awaitReplies(2)).last().isEqualTo("Ordered");
		webhooks.post(event(("\"message\":{\"mid\":\"sm-%s\",\"attachments\":[{\"type\":\"story_mention\","
				+ "\"payload\":{\"url\":\"https://lookaside.fbsbx.com/x\"}}]}").formatted(UUID.randomUUID())));
		assertThat(awaitReplies(3)).last().isEqualTo("Thanks!");
		webhooks.post(event(("\"message\":{\"mid\":\"sr-%s\",\"text\":\"Love this!\",\"reply_to\":{\"story\":"
				+ "{\"url\":\"https://lookaside.fbsbx.com/y\",\"id\":\"18012345678901234\"}}}")
			.formatted(UUID.randomUUID())));
		assertThat(awaitReplies(4)).last().isEqualTo("Glad you like it");

		dmAndWaitUntilProcessed("CATALOGUE");
		assertNoMoreRepliesThan(4);
	}

	@Test
	void rulesAreValidatedOnSaveNamingTheProblem() {
		assertProblem(rule400(Map.of("name", "x", "match_type", "regex", "pattern", "(unclosed", "reply_text", "y")),
				"pattern", "is not a valid regular expression");
		assertProblem(rule400(Map.of("name", "x", "match_type", "contains", "reply_text", "y")), "pattern",
				"is required with match_type contains");
		assertProblem(rule400(Map.of("name", "x", "match_type", "any", "pattern", "p", "reply_text", "y")), "pattern",
				"must be left out");
		assertProblem(rule400(Map.of("name", "x", "match_type", "sometimes", "pattern", "p", "reply_text", "y")),
				"match_type", "must be exact, contains, regex or any");
		assertProblem(rule400(Map.of("name", "x", "match_type", "any", "reply_text", "Hi {first_name}")),
				"reply_text", "unknown placeholder {first_name}");
		assertProblem(rule400(Map.of("name", "x", "trigger", "story_mention", "match_type", "contains", "pattern",
				"p", "reply_text", "y")), "match_type", "must be any");
		assertProblem(rule400(Map.of("name", "x", "match_type", "any", "reply_text", "é".repeat(501))), "reply_text",
				"1000");

		String id = rule(Map.of("name", "x", "match_type", "contains", "pattern", "p", "reply_text", "y"));
		Api.Answer badChange = api.patch(rules + "/" + id, ADMIN_KEY, Map.of("match_type", "regex", "pattern", "[z"));
		assertThat(badChange.status()).isEqualTo(400);
		assertThat(api.get(rules + "/" + id, ADMIN_KEY).at("/match_type")).isEqualTo("contains");
	}

	@Test
	void rulesCanBeReadChangedAndRemoved() {
		String id = rule(Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text", "49"));

		JsonNode created = api.get(rules + "/" + id, ADMIN_KEY).body();
		assertThat(created.get("trigger").asString()).isEqualTo("direct_message");
		assertThat(created.get("priority").asInt()).isEqualTo(100);
		assertThat(created.get("enabled").asBoolean()).isTrue();
		assertThat(created.get("cooldown_minutes").isNull()).isTrue();

		JsonNode changed = api.patch(rules + "/" + id, ADMIN_KEY, Map.of("match_type", "any", "cooldown_minutes", 5))
			.body();
		assertThat(changed.get("match_type").asString()).isEqualTo("any");
		assertThat(changed.get("pattern").isNull()).isTrue();
		assertThat(changed.get("cooldown_minutes").asInt()).isEqualTo(5);
		assertThat(changed.get("reply_text").asString()).isEqualTo("49");

		assertThat(api.delete(rules + "/" + id, ADMIN_KEY).status()).isEqualTo(204);
		Api.Answer gone = api.get(rules + "/" + id, ADMIN_KEY);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.at("/code")).isEqualTo("rule_not_found");
		assertThat(api.delete(rules + "/" + id, ADMIN_KEY).status()).isEqualTo(404);
	}

	@Test
	void aKeyLimitedToAnotherAccountSeesNoRules() {
		String id = rule(Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text", "49"));
		String other = Senders.create(api).account().id();
		String limitedKey = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "other", "account_ids", List.of(other)))
			.at("/key");

		assertThat(api.get(rules + "/" + id, limitedKey).status()).isEqualTo(404);
		assertThat(api.get(rules, limitedKey).at("/code")).isEqualTo("account_not_found");
		assertThat(api.post(contacts() + "/" + sender.userId() + "/pause", limitedKey, null).status()).isEqualTo(404);
	}

	@Test
	void aMatchingCommentGetsOnePrivateReplyEvenWhenMetaSendsItAgain() {
		rule(Map.of("name", "Comment price", "trigger", "comment", "match_type", "contains", "pattern", "price",
				"reply_text", "Hi {username}! The price list: https://acme.example/p"));
		String suffix = "-" + (System.nanoTime() % 1_000_000);
		String body = Webhooks.fixtureFor("comment.json", sender.account().instagramAccountId(), suffix)
			.replace("1763800001023", String.valueOf(System.currentTimeMillis()));
		String commentId = "17865799348089039" + suffix.replaceAll("\\D", "");

		assertThat(webhooks.post(body).status()).isEqualTo(200);
		assertThat(awaitReplies(1)).containsExactly("Hi jane.doe! The price list: https://acme.example/p");
		JsonNode sent = Api.json().readTree(sender.graphCalls().get(0).getBodyAsString());
		assertThat(sent.at("/recipient/comment_id").asString()).isEqualTo(commentId);
		assertThat(sent.at("/recipient/id").isMissingNode()).isTrue();

		assertThat(webhooks.post(body).status()).isEqualTo(200);
		commentAndWaitUntilProcessed("another comment", "18023345678901234", Instant.now());
		assertNoMoreRepliesThan(1);
		assertThat(api.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages", ADMIN_KEY)
			.at("/items/0/recipient_id")).isEqualTo(Webhooks.FIXTURE_USER);
	}

	@Test
	void commentsOnOtherPostsOrByTheAccountItselfOrOverAWeekOldGetNoPrivateReply() {
		rule(Map.of("name", "Only this post", "trigger", "comment", "match_type", "any", "reply_text", "Thanks!",
				"media_ids", List.of("18000000000000001")));

		commentAndWaitUntilProcessed("nice", "18000000000000002", Instant.now());
		commentAndWaitUntilProcessed("old", "18000000000000001", Instant.now().minus(Duration.ofDays(8)));
		String own = "1786" + System.nanoTime() % 1_000_000_000L;
		webhooks.post(comment(own, sender.account().instagramAccountId(), "our own answer", "18000000000000001",
				Instant.now()));
		commentAndWaitUntilProcessed("marker", "18000000000000002", Instant.now());
		assertNoMoreRepliesThan(0);
		JsonNode refused = api.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages?status=failed",
				ADMIN_KEY).body().at("/items");
		assertThat(refused.size()).isEqualTo(1);
		assertThat(refused.at("/0/error_message").asString()).contains("over 7 days old");
		assertThat(refused.at("/0/attempts").asInt()).isZero();

		commentAndWaitUntilProcessed("lovely", "18000000000000001", Instant.now());
		assertThat(awaitReplies(1)).containsExactly("Thanks!");
	}

	@Test
	void privateRepliesStopAtTheHourlyLimit() {
		rule(Map.of("name", "Any comment", "trigger", "comment", "match_type", "any", "reply_text", "Thanks!"));

		for (int i = 0; i < 4; i++) {
			commentAndWaitUntilProcessed("comment " + i, "18000000000000003", Instant.now());
		}

		assertNoMoreRepliesThan(3);
		JsonNode refused = api.get("/api/v1/accounts/" + sender.account().id() + "/sent-messages?status=failed",
				ADMIN_KEY).body().at("/items");
		assertThat(refused.size()).isEqualTo(1);
		assertThat(refused.at("/0/error_message").asString()).contains("private replies in the last hour");
		await().until(() -> Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.anyMatch(request -> request.getBodyAsString().contains("\"status\":\"failed\"")));
	}

	@Test
	void mediaIdsOnlyGoWithCommentRules() {
		assertProblem(rule400(Map.of("name", "x", "match_type", "any", "reply_text", "y", "media_ids",
				List.of("18000000000000001"))), "media_ids", "only apply with trigger comment");
		assertThat(rule400(Map.of("name", "x", "trigger", "comment", "match_type", "any", "reply_text", "y",
				"media_ids", List.of("not-a-media-id"))).status()).isEqualTo(400);
	}

	private void commentAndWaitUntilProcessed(String text, String mediaId, Instant at) {
		String commentId = "1786" + System.nanoTime() % 1_000_000_000L;
		assertThat(webhooks.post(comment(commentId, sender.userId(), text, mediaId, at)).status()).isEqualTo(200);
		await().until(() -> Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.anyMatch(request -> request.getBodyAsString().contains(commentId)));
	}

	private String comment(String commentId, String fromId, String text, String mediaId, Instant at) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"changes":[{"field":"comments","value":{
				"id":"%s","from":{"id":"%s","username":"commenter"},"text":"%s",
				"media":{"id":"%s","media_product_type":"FEED"}}}]}]}"""
			.formatted(sender.account().instagramAccountId(), at.toEpochMilli(), commentId, fromId, text, mediaId);
	}

	@Test
	void anAiRuleAnswersFromTheModelAndFallsBackToItsTextWhenTheModelTimesOutOrFails() {
		String instructions = "You are the assistant of Acme " + UUID.randomUUID();
		rule(Map.of("name", "Assistant", "match_type", "any", "action", "ai", "ai_instructions", instructions,
				"reply_text", "Thanks {username}! A person will answer soon.", "fallback_name", "friend"));
		modelAnswers(instructions, okJson("""
				{"id":"chatcmpl-1","object":"chat.completion","created":1763800000,"model":"gpt-4o-mini",
				 "choices":[{"index":0,"message":{"role":"assistant","content":" Size M fits 38 to 40. "},
				 "finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":9,"total_tokens":59}}"""));

		dm("Which size for 39?");

		assertThat(awaitReplies(1)).containsExactly("Size M fits 38 to 40.");
		LoggedRequest asked = Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo("/ai/v1/chat/completions")).withRequestBody(containing(instructions)))
			.get(0);
		JsonNode request = Api.json().readTree(Stubs.assertFixedLength(asked).getBodyAsString());
		assertThat(request.get("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(request.at("/messages/0/role").asString()).isEqualTo("system");
		assertThat(request.at("/messages/0/content").asString()).contains(instructions);
		JsonNode last = request.get("messages").get(request.get("messages").size() - 1);
		assertThat(last.get("role").asString()).isEqualTo("user");
		assertThat(last.get("content").asString()).isEqualTo("Which size for 39?");

		modelAnswers(instructions, okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"late\"}}]}")
			.withFixedDelay(3000));
		dm("And the delivery?");
		assertThat(awaitReplies(2)).last().isEqualTo("Thanks friend! A person will answer soon.");

		modelAnswers(instructions, com.github.tomakehurst.wiremock.client.WireMock.serverError());
		dm("Hello?");
		assertThat(awaitReplies(3)).last().isEqualTo("Thanks friend! A person will answer soon.");

		assertProblem(rule400(Map.of("name", "x", "match_type", "any", "action", "ai", "reply_text", "y")),
				"ai_instructions", "are required with action ai");
	}

	private void modelAnswers(String instructions, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		Stubs.graph().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/ai/v1/chat/completions"))
			.withRequestBody(containing(instructions))
			.willReturn(answer));
	}

	private String contacts() {
		return "/api/v1/accounts/" + sender.account().id() + "/contacts";
	}

	private String rule(Map<String, Object> fields) {
		Api.Answer created = api.post(rules, ADMIN_KEY, fields);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	private Api.Answer rule400(Map<String, Object> fields) {
		return api.post(rules, ADMIN_KEY, fields);
	}

	private static void assertProblem(Api.Answer answer, String field, String message) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.body().at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(answer.body().at("/errors/0/message").asString()).contains(message);
	}

	private void profileIs(String json) {
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + sender.userId()))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(okJson(json)));
	}

	/** The user writes; returns the message's mid. */
	private String dm(String text) {
		String mid = "mid-in-" + UUID.randomUUID();
		assertThat(webhooks.post(dmBody(text, mid)).status()).isEqualTo(200);
		return mid;
	}

	/** The user writes, and the message is forwarded to the CRM: whatever it could cause has been decided. */
	private String dmAndWaitUntilProcessed(String text) {
		String mid = dm(text);
		await().until(() -> Stubs.crm()
			.findAll(postRequestedFor(urlPathEqualTo(sender.account().crmPath())))
			.stream()
			.anyMatch(request -> request.getBodyAsString().contains(mid)));
		return mid;
	}

	private String dmBody(String text, String mid) {
		Map<String, Object> message = new HashMap<>();
		message.put("mid", mid);
		message.put("text", text);
		return event("\"message\":" + Api.json().writeValueAsString(message));
	}

	/** An event from the user to the account, now. */
	private String event(String content) {
		long now = System.currentTimeMillis();
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,%s}]}]}"""
			.formatted(sender.account().instagramAccountId(), now, sender.userId(),
					sender.account().instagramAccountId(), now, content);
	}

	private List<String> awaitReplies(int count) {
		await().until(() -> sender.graphCalls().size() >= count);
		return replies();
	}

	private List<String> replies() {
		List<LoggedRequest> calls = sender.graphCalls();
		return calls.stream()
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.map(call -> Api.json().readTree(call.getBodyAsString()).at("/message/text").asString())
			.toList();
	}

	private void assertNoMoreRepliesThan(int count) {
		await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> sender.graphCalls().size() <= count);
		assertThat(sender.graphCalls()).hasSize(count);
	}

}
