package dev.igautomation.autoreply;

import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/accounts/{id}/rules/test}: the rule that would answer and its reply, by the same matching as
 * real messages, with nothing sent; why none answers when none does.
 */
abstract class RuleTestApiTests {

	@Autowired
	RestTestClient client;

	Api api;

	TestAccounts account;

	String path;

	@BeforeEach
	void setUp() {
		api = new Api(client);
		account = TestAccounts.create(api);
		path = "/api/v1/accounts/" + account.id() + "/rules";
		api.post(path, ADMIN_KEY, Map.of("name", "Price", "match_type", "contains", "pattern", "price", "reply_text",
				"Hi {username}! Prices: https://acme.example/p", "fallback_name", "friend", "priority", 10));
		api.post(path, ADMIN_KEY, Map.of("name", "Hours", "match_type", "exact", "pattern", "hours", "reply_text",
				"9 to 18", "priority", 20));
		api.post(path, ADMIN_KEY, Map.of("name", "Thanks", "trigger", "story_mention", "match_type", "any",
				"reply_text", "Thanks!"));
	}

	@Test
	void firstMatchingRuleAnswersWithItsRenderedReply() {
		int graphCalls = Stubs.graph().getAllServeEvents().size();
		Api.Answer answer = api.post(path + "/test", ADMIN_KEY, Map.of("text", "  What's the PRICE?  "));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.at("/rule_name")).isEqualTo("Price");
		assertThat(answer.at("/rule_id")).startsWith("rule_");
		assertThat(answer.at("/reply")).isEqualTo("Hi friend! Prices: https://acme.example/p");
		assertThat(answer.body().get("reason").isNull()).isTrue();
		assertThat(Stubs.graph().getAllServeEvents()).as("nothing sent, no profile fetched").hasSize(graphCalls);

		assertThat(api.post(path + "/test", ADMIN_KEY, Map.of("text", "", "trigger", "story_mention"))
			.at("/reply")).isEqualTo("Thanks!");
	}

	@Test
	void noRuleSaysWhy() {
		Api.Answer none = api.post(path + "/test", ADMIN_KEY, Map.of("text", "hours please"));
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body().get("rule_id").isNull()).isTrue();
		assertThat(none.body().get("reply").isNull()).isTrue();
		assertThat(none.at("/reason")).isEqualTo("None of the 2 enabled direct_message rules matches this text.");
		assertThat(api.post(path + "/test", ADMIN_KEY, Map.of("text", "price", "trigger", "comment")).at("/reason"))
			.isEqualTo("No enabled rule has the trigger comment.");
	}

	@Test
	void aUsersPauseAndProfileCount() {
		String user = "1914732468500" + (int) (Math.random() * 1000);
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + user)).willReturn(okJson("{\"username\":\"ana.b\"}")));
		assertThat(api.post(path + "/test", ADMIN_KEY, Map.of("text", "price", "user_id", user)).at("/reply"))
			.isEqualTo("Hi ana.b! Prices: https://acme.example/p");

		api.post("/api/v1/accounts/" + account.id() + "/contacts/" + user + "/pause", ADMIN_KEY, Map.of());
		Api.Answer paused = api.post(path + "/test", ADMIN_KEY, Map.of("text", "price", "user_id", user));
		assertThat(paused.body().get("reply").isNull()).isTrue();
		assertThat(paused.at("/reason")).startsWith("Auto-replies to this user are paused");
	}

	@Test
	void badInputIsRefusedAndOtherAccountsAreAbsent() {
		Api.Answer bad = api.post(path + "/test", ADMIN_KEY, Map.of("trigger", "fax", "user_id", "abc"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("text", "is required", "trigger", "user_id", "must be digits only");
		String limited = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "limited", "account_ids",
				java.util.List.of(TestAccounts.create(api).id()))).at("/key");
		assertThat(api.post(path + "/test", limited, Map.of("text", "price")).status()).isEqualTo(404);
	}

}
