package dev.igautomation.console;

import java.util.List;
import java.util.Map;

import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page's entry points: ice breakers and the persistent menu with Meta's answer, and the ig.me link
 * builder, for the operators who may see the account and no one else.
 */
abstract class ConsoleEntryPointsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	RestTestClient client;

	@Autowired
	Operators operators;

	@Autowired
	OperatorLogins logins;

	ConsoleFixture console;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		console = new ConsoleFixture(context, api, operators, logins);
	}

	@Test
	void aRuleAnsweringWithCardsOnlyIsListedAndTriedInTheConsole() {
		api.post("/api/v1/accounts/" + console.account.id() + "/rules", ADMIN_KEY, Map.of("name", "Menu cards",
				"match_type", "exact", "pattern", "menu", "cards", List.of(Map.of("title", "Summer dress", "subtitle",
						"49 EUR"))));
		String rules = "/accounts/" + console.account.id() + "/rules";
		assertThat(console.mvc.get().uri(rules).with(console.as(console.agent))).hasStatusOk()
			.bodyText()
			.contains("Menu cards");
		assertThat(console.mvc.post().uri(rules + "/test").with(console.as(console.agent))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("text", "MENU")
			.param("trigger", "direct_message")).hasStatusOk()
			.bodyText()
			.contains("Menu cards", "The rule answers with a carousel of 1 (cards, no text).");
	}

	@Test
	void theAccountPageShowsEntryPointsWithMetasAnswerAndBuildsIgMeLinks() {
		String path = "/accounts/" + console.account.id() + "/entry-points";
		assertThat(console.mvc.get().uri("/accounts/" + console.account.id()).with(console.as(console.agent)))
			.bodyText()
			.contains("hx-get=\"" + path + "\"");
		assertThat(console.mvc.get().uri(path).with(console.as(console.agent))).hasStatusOk()
			.bodyText()
			.contains("Entry points", "None set.");
		assertThat(console.mvc.get().uri(path).with(console.as(console.otherAgent)))
			.hasStatus(HttpStatus.NOT_FOUND);

		Senders sender = Senders.create(api);
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/messenger_profile"))
			.withHeader("Authorization", equalTo("Bearer " + sender.accessToken()))
			.willReturn(okJson("{\"result\":\"success\"}")));
		api.put("/api/v1/accounts/" + sender.account().id() + "/ice-breakers", ADMIN_KEY, Map.of("ice_breakers",
				List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("question", "Opening hours?", "payload", "HOURS"))))));
		api.patch("/api/v1/accounts/" + sender.account().id(), ADMIN_KEY, Map.of("username", "acme.shop"));
		String senderPath = "/accounts/" + sender.account().id() + "/entry-points";
		assertThat(console.mvc.get().uri(senderPath).with(console.as(console.admin))).bodyText()
			.contains("Meta has them", "default: Opening hours? → HOURS");
		assertThat(console.mvc.get().uri(senderPath + "/link?ref=spring-sale").with(console.as(console.admin)))
			.bodyText()
			.contains("https://ig.me/m/acme.shop?ref=spring-sale");
		assertThat(console.mvc.get().uri(senderPath + "/link").param("ref", "no spaces").with(console.as(console.admin)))
			.bodyText()
			.contains("no spaces)");
	}

}
