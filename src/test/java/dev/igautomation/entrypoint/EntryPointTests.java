package dev.igautomation.entrypoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
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

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ice breakers, the persistent menu and ig.me links: what the Graph API stub receives is Meta's documented shape,
 * Meta's answer is stored and shown, Meta's limits are checked first, and a tapped ice breaker reaches its postback
 * rule. Run on H2 and on PostgreSQL.
 */
abstract class EntryPointTests {

	static final String PROFILE_PATH = "/v25.0/me/messenger_profile";

	@Autowired
	RestTestClient client;

	Api api;

	Senders sender;

	String base;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		sender = Senders.create(api);
		base = "/api/v1/accounts/" + sender.account().id();
	}

	@Test
	void iceBreakersReachMetaInItsShapeAndMetasAnswerIsShown() {
		Stubs.graph().stubFor(profile(post(urlPathEqualTo(PROFILE_PATH))).willReturn(okJson("{\"result\":\"success\"}")));
		Map<String, Object> iceBreakers = Map.of("ice_breakers", List.of(Map.of("locale", "default", "call_to_actions",
				List.of(Map.of("question", "What are your opening hours?", "payload", "HOURS"),
						Map.of("question", "Where is the shop?", "payload", "WHERE")))));

		Api.Answer set = api.put(base + "/ice-breakers", ADMIN_KEY, iceBreakers);

		assertThat(set.status()).as(set.text()).isEqualTo(200);
		assertThat(set.at("/meta/status")).isEqualTo("synced");
		LoggedRequest pushed = profileCalls("POST").get(0);
		assertThat(pushed.queryParameter("platform").firstValue()).isEqualTo("instagram");
		assertThat(Api.json().readTree(Stubs.assertFixedLength(pushed).getBodyAsString())).isEqualTo(Api.json().readTree("""
				{"platform":"instagram","ice_breakers":[{"locale":"default","call_to_actions":[
				{"question":"What are your opening hours?","payload":"HOURS"},
				{"question":"Where is the shop?","payload":"WHERE"}]}]}"""));
		JsonNode read = api.get(base + "/ice-breakers", ADMIN_KEY).body();
		assertThat(read.at("/ice_breakers/0/call_to_actions/1/payload").asString()).isEqualTo("WHERE");
		assertThat(read.at("/meta/status").asString()).isEqualTo("synced");

		Stubs.graph().stubFor(profile(post(urlPathEqualTo(PROFILE_PATH))).willReturn(Senders.error(400, 100, null, false)));
		Api.Answer refused = api.put(base + "/ice-breakers", ADMIN_KEY, iceBreakers);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.at("/meta/status")).isEqualTo("failed");
		assertThat(refused.at("/meta/error")).contains("Graph says no (100)");
		assertThat(refused.body().at("/meta/error_code").asInt()).isEqualTo(100);
		assertThat(api.get(base + "/ice-breakers", ADMIN_KEY).at("/meta/status")).isEqualTo("failed");

		Stubs.graph().stubFor(profile(delete(urlPathEqualTo(PROFILE_PATH))).willReturn(okJson("{\"result\":\"success\"}")));
		assertThat(api.delete(base + "/ice-breakers", ADMIN_KEY).status()).isEqualTo(204);
		assertThat(Api.json().readTree(profileCalls("DELETE").get(0).getBodyAsString()))
			.isEqualTo(Api.json().readTree("{\"fields\":[\"ice_breakers\"]}"));
		assertThat(api.get(base + "/ice-breakers", ADMIN_KEY).status()).isEqualTo(404);
	}

	@Test
	void entryPointsOverMetasLimitsAreRefusedNamingTheFieldWithNoCall() {
		List<Map<String, Object>> five = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			five.add(Map.of("question", "Question " + i, "payload", "Q" + i));
		}
		assertRefused("/ice-breakers", Map.of("ice_breakers", List.of(Map.of("locale", "default", "call_to_actions",
				five))), "ice_breakers[0].call_to_actions");
		assertRefused("/ice-breakers", Map.of("ice_breakers", List.of(Map.of("locale", "en_GB", "call_to_actions",
				five.subList(0, 2)))), "ice_breakers");
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			items.add(Map.of("type", "postback", "title", "Item " + i, "payload", "I" + i));
		}
		assertRefused("/persistent-menu", Map.of("persistent_menu", List.of(Map.of("locale", "default",
				"call_to_actions", items))), "persistent_menu[0].call_to_actions");
		assertRefused("/persistent-menu", Map.of("persistent_menu", List.of(Map.of("locale", "default",
				"call_to_actions", List.of(Map.of("type", "postback", "title", "t".repeat(31), "payload", "P"))))),
				"persistent_menu[0].call_to_actions[0].title");
		assertRefused("/persistent-menu", Map.of("persistent_menu", List.of(Map.of("locale", "default",
				"call_to_actions", List.of(Map.of("type", "web_url", "title", "Shop"))))),
				"persistent_menu[0].call_to_actions[0].url");
		assertThat(profileCalls("POST")).isEmpty();
	}

	@Test
	void thePersistentMenuReachesMetaInItsShape() {
		Stubs.graph().stubFor(profile(post(urlPathEqualTo(PROFILE_PATH))).willReturn(okJson("{\"result\":\"success\"}")));

		Api.Answer set = api.put(base + "/persistent-menu", ADMIN_KEY, Map.of("persistent_menu", List.of(Map.of(
				"locale", "default", "call_to_actions", List.of(
						Map.of("type", "postback", "title", "Talk to an agent", "payload", "CARE_HELP"),
						Map.of("type", "web_url", "title", "Shop now", "url", "https://www.originalcoastclothing.com/"))))));

		assertThat(set.at("/meta/status")).as(set.text()).isEqualTo("synced");
		assertThat(Api.json().readTree(profileCalls("POST").get(0).getBodyAsString())).isEqualTo(Api.json().readTree("""
				{"platform":"instagram","persistent_menu":[{"locale":"default","call_to_actions":[
				{"type":"postback","title":"Talk to an agent","payload":"CARE_HELP"},
				{"type":"web_url","title":"Shop now","url":"https://www.originalcoastclothing.com/"}]}]}"""));
		assertThat(api.get(base + "/persistent-menu", ADMIN_KEY).at("/persistent_menu/0/call_to_actions/0/title"))
			.isEqualTo("Talk to an agent");
	}

	@Test
	void linksCarryTheRefThatStartsAReferralFlowAndATappedIceBreakerGetsItsPostbackRule() {
		api.patch(base, ADMIN_KEY, Map.of("username", "acme.shop"));

		Api.Answer link = api.get(base + "/links?ref=spring-sale", ADMIN_KEY);
		assertThat(link.at("/url")).isEqualTo("https://ig.me/m/acme.shop?ref=spring-sale");
		Api.Answer bad = api.get(base + "/links?ref=no%20spaces", ADMIN_KEY);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).isEqualTo("application/problem+json");

		sender.graphAnswers(Senders.sent("mid-hours-" + UUID.randomUUID()));
		assertThat(api.post(base + "/rules", ADMIN_KEY, Map.of("name", "Hours", "trigger", "postback", "match_type",
				"exact", "pattern", "HOURS", "reply_text", "9 to 18, Monday to Saturday.")).status()).isEqualTo(201);
		UserEvents user = new UserEvents(sender, new Webhooks(api));
		user.post(Webhooks.fixtureFor("postback-icebreaker-referral.json", sender.account().instagramAccountId(),
				"-" + UUID.randomUUID()).replace(Webhooks.FIXTURE_USER, sender.userId())
			.replace("1763800000123", String.valueOf(System.currentTimeMillis())));
		assertThat(user.awaitSent(1).get(0).at("/message/text").asString()).isEqualTo("9 to 18, Monday to Saturday.");
	}

	private void assertRefused(String path, Map<String, Object> body, String field) {
		Api.Answer answer = api.put(base + path, ADMIN_KEY, body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.body().at("/errors/0/field").asString()).as(answer.text()).isEqualTo(field);
	}

	private MappingBuilder profile(MappingBuilder mapping) {
		return mapping.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()));
	}

	private List<LoggedRequest> profileCalls(String method) {
		return Stubs.graph().findAll(anyRequestedFor(urlPathEqualTo(PROFILE_PATH))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken())))
			.stream()
			.filter(request -> request.getMethod().getName().equals(method))
			.toList();
	}

}
