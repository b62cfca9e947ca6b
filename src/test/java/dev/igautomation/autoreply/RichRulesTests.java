package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.UserEvents;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that answer with buttons and cards after a typing indicator, and rules triggered by a tapped button's
 * payload or by the ref of an ig.me link or an ad: signed webhooks in, the Graph API stub out. Run on H2 and on
 * PostgreSQL.
 */
abstract class RichRulesTests {

	static final List<Map<String, Object>> THREE_CARDS = List.of(
			Map.of("title", "Summer dress", "subtitle", "49 EUR", "image_url", "https://cdn.example.com/dress.jpg",
					"buttons", List.of(Map.of("type", "postback", "title", "Order", "payload", "ORDER_DRESS"))),
			Map.of("title", "Straw hat", "subtitle", "19 EUR", "default_url", "https://acme.example/hat"),
			Map.of("title", "Sandals", "image_url", "https://cdn.example.com/sandals.jpg", "buttons",
					List.of(Map.of("type", "web_url", "title", "See them", "url", "https://acme.example/sandals"))));

	@Autowired
	RestTestClient client;

	Api api;

	Senders sender;

	UserEvents user;

	String rules;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
		sender.graphAnswers(Senders.sent("mid-rich-" + UUID.randomUUID()));
		user = new UserEvents(sender, new Webhooks(api));
		sender.userWrote(new Webhooks(api), java.time.Instant.now().minusSeconds(5));
		org.awaitility.Awaitility.await().until(() -> !user.crmBodies().isEmpty());
		rules = "/api/v1/accounts/" + sender.account().id() + "/rules";
	}

	@Test
	void menuAnswersWithACarouselAfterTypingAndATappedCardButtonGetsItsPostbackRule() {
		rule(Map.of("name", "Menu", "match_type", "exact", "pattern", "menu", "cards", THREE_CARDS, "typing_seconds", 1));
		rule(Map.of("name", "Order dress", "trigger", "postback", "match_type", "exact", "pattern", "ORDER_DRESS",
				"reply_text", "Which size?"));

		user.dm("Menu");

		List<JsonNode> sent = user.awaitSent(2);
		assertThat(sent.get(0).get("sender_action").asString()).isEqualTo("typing_on");
		assertThat(sent.get(0).at("/recipient/id").asString()).isEqualTo(sender.userId());
		JsonNode carousel = sent.get(1);
		assertThat(carousel).isEqualTo(Api.json().readTree("""
				{"recipient":{"id":"%s"},"message":{"attachment":{"type":"template","payload":{"template_type":"generic",
				"elements":[{"title":"Summer dress","subtitle":"49 EUR","image_url":"https://cdn.example.com/dress.jpg",
				"buttons":[{"type":"postback","title":"Order","payload":"ORDER_DRESS"}]},
				{"title":"Straw hat","subtitle":"19 EUR","default_action":{"type":"web_url","url":"https://acme.example/hat"}},
				{"title":"Sandals","image_url":"https://cdn.example.com/sandals.jpg",
				"buttons":[{"type":"web_url","url":"https://acme.example/sandals","title":"See them"}]}]}}}}"""
			.formatted(sender.userId())));
		List<LoggedRequest> calls = sender.graphCalls().stream()
			.sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
		assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
			.as("the reply waits for the typing indicator").isGreaterThanOrEqualTo(Duration.ofMillis(900));

		user.postback("Order", "ORDER_DRESS");
		assertThat(user.awaitSent(3).get(2).at("/message/text").asString()).isEqualTo("Which size?");
		user.assertNoMoreSentThan(3);
	}

	@Test
	void buttonsGoUnderTheReplyTextAsMetasButtonTemplate() {
		rule(Map.of("name", "Help", "match_type", "contains", "pattern", "help", "reply_text", "How can we help?",
				"buttons", List.of(Map.of("type", "postback", "title", "Talk to a person", "payload", "HUMAN"),
						Map.of("type", "web_url", "title", "Our FAQ", "url", "https://acme.example/faq"))));

		user.dm("help please");

		JsonNode payload = user.awaitSent(1).get(0).at("/message/attachment/payload");
		assertThat(payload).isEqualTo(Api.json().readTree("""
				{"template_type":"button","text":"How can we help?","buttons":[
				{"type":"postback","title":"Talk to a person","payload":"HUMAN"},
				{"type":"web_url","url":"https://acme.example/faq","title":"Our FAQ"}]}"""));
	}

	@Test
	void anIgMeLinksRefOrAnAdStartsItsReferralFlowBeforeTheDefaultReply() {
		rule(Map.of("name", "Spring sale", "trigger", "referral", "match_type", "exact", "pattern", "spring-sale",
				"reply_text", "Welcome to the spring sale!"));
		rule(Map.of("name", "Ad", "trigger", "referral", "match_type", "exact", "pattern", "120210000000000001",
				"reply_text", "You came from our ad."));
		rule(Map.of("name", "Default", "match_type", "any", "reply_text", "Thanks!", "priority", 1000));

		user.referral("spring-sale");
		assertThat(user.awaitSent(1).get(0).at("/message/text").asString()).isEqualTo("Welcome to the spring sale!");

		user.post(Webhooks.fixtureFor("message-ad-referral.json", sender.account().instagramAccountId(),
				"-" + UUID.randomUUID()).replace(Webhooks.FIXTURE_USER, sender.userId()).replace("\"spring-sale\"",
						"\"other-ref\""));
		assertThat(user.awaitSent(2).get(1).at("/message/text").asString()).isEqualTo("You came from our ad.");

		user.dm("just a question");
		assertThat(user.awaitSent(3).get(2).at("/message/text").asString()).isEqualTo("Thanks!");
		user.referral("unknown-ref");
		user.awaitCrm("unknown-ref");
		user.assertNoMoreSentThan(3);
	}

	@Test
	void richRulesAreCheckedAgainstMetasLimitsNamingTheField() {
		Map<String, Object> longTitle = Map.of("type", "postback", "title", "x".repeat(21), "payload", "P");
		assertProblem(Map.of("name", "x", "match_type", "any", "reply_text", "Pick", "buttons", List.of(longTitle)),
				"buttons[0].title");
		assertProblem(Map.of("name", "x", "match_type", "any", "cards",
				List.of(Map.of("title", "t".repeat(81), "subtitle", "s"))), "cards[0].title");
		assertProblem(Map.of("name", "x", "match_type", "any", "reply_text", "Pick",
				"buttons", List.of(Map.of("type", "web_url", "title", "Site"))), "buttons[0].url");
		assertProblem(Map.of("name", "x", "match_type", "any", "reply_text", "y".repeat(641),
				"buttons", List.of(Map.of("type", "postback", "title", "A", "payload", "A"))), "reply_text");
		assertProblem(Map.of("name", "x", "trigger", "comment", "match_type", "any", "cards", THREE_CARDS), "cards");
		assertProblem(Map.of("name", "x", "match_type", "any", "reply_text", "y", "typing_seconds", 6),
				"typing_seconds");
		assertProblem(Map.of("name", "x", "match_type", "any"), "reply_text");

		String id = rule(Map.of("name", "Cards only", "match_type", "any", "cards", THREE_CARDS));
		JsonNode read = api.get(rules + "/" + id, ADMIN_KEY).body();
		assertThat(read.get("reply_text").isNull()).isTrue();
		assertThat(read.get("cards").size()).isEqualTo(3);
		assertThat(read.at("/cards/0/buttons/0/payload").asString()).isEqualTo("ORDER_DRESS");
		JsonNode changed = api.patch(rules + "/" + id, ADMIN_KEY, Map.of("cards", List.of(), "reply_text", "Text now"))
			.body();
		assertThat(changed.get("cards").size()).isZero();
		assertThat(changed.get("reply_text").asString()).isEqualTo("Text now");
	}

	@Test
	void commentRulesAlsoAnswerPubliclyRotatingTheirTextsWithinTheirPostsAndNeverOnExcludedWords() {
		Stubs.graph().stubFor(post(urlPathMatching("/v25.0/1786[0-9]+/replies"))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(okJson("{\"id\":\"17873440459141021\"}")));
		List<String> texts = List.of("Sent you a DM!", "Check your messages", "Just wrote to you");
		rule(Map.of("name", "Comments", "trigger", "comment", "match_type", "any", "reply_text", "Here is the price",
				"media_ids", List.of("18000000000000001"), "excluded_words", List.of("Giveaway"), "public_replies", texts));
		String replies = "/api/v1/accounts/" + sender.account().id() + "/comment-replies";

		List<String> answered = new java.util.ArrayList<>();
		for (String comment : List.of("love it", "how much?", "so nice")) {
			String commentId = user.comment(comment, "18000000000000001");
			org.awaitility.Awaitility.await().until(() -> api.get(replies, ADMIN_KEY).body().path("items").size()
					== answered.size() + 1 && "sent".equals(api.get(replies, ADMIN_KEY).at("/items/0/status")));
			JsonNode newest = api.get(replies, ADMIN_KEY).body().at("/items/0");
			assertThat(newest.get("comment_id").asString()).isEqualTo(commentId);
			assertThat(newest.get("reply_id").asString()).isEqualTo("17873440459141021");
			answered.add(newest.get("text").asString());
		}
		assertThat(answered).allMatch(texts::contains);
		assertThat(answered.get(1)).isNotEqualTo(answered.get(0));
		assertThat(answered.get(2)).isNotEqualTo(answered.get(1));
		LoggedRequest publicReply = Stubs.graph().findAll(postRequestedFor(urlPathMatching("/v25.0/1786[0-9]+/replies"))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))).get(0);
		assertThat(publicReply.queryParameter("message").firstValue()).isIn(texts);

		String excluded = user.comment("Is the GIVEAWAY still on?", "18000000000000001");
		String otherPost = user.comment("love it", "18000000000000002");
		user.awaitCrm(excluded);
		user.awaitCrm(otherPost);
		user.assertNoMoreSentThan(3);
		assertThat(api.get(replies, ADMIN_KEY).body().path("items").size()).isEqualTo(3);
	}

	private String rule(Map<String, Object> fields) {
		Api.Answer created = api.post(rules, ADMIN_KEY, fields);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id");
	}

	private void assertProblem(Map<String, Object> fields, String field) {
		Api.Answer answer = api.post(rules, ADMIN_KEY, fields);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.body().at("/errors/0/field").asString()).as(answer.text()).isEqualTo(field);
	}

}
