package dev.igautomation.console;

import dev.igautomation.autoreply.RuleDetails;
import dev.igautomation.autoreply.Rules;
import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.InstagramLoginStubs;
import dev.igautomation.support.Stubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The console's forms: what a service refuses is shown next to the field it concerns, and what it accepts is done
 * through the same services as the API (rules made here are the API's rules; their switch works in place).
 */
abstract class ConsoleFormsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	RestTestClient client;

	@Autowired
	Operators operators;

	@Autowired
	OperatorLogins logins;

	@Autowired
	Rules rules;

	ConsoleFixture console;

	String rulesPath;

	@BeforeEach
	void setUp() {
		console = new ConsoleFixture(context, new Api(client), operators, logins);
		rulesPath = "/accounts/" + console.account.id() + "/rules";
	}

	@Test
	void accountFormShowsEachErrorNextToItsField() {
		assertThat(console.mvc.post().uri("/accounts/new").with(console.as(console.admin)).with(csrf())
			.param("instagramAccountId", "not-digits")
			.param("username", "has spaces!")
			.param("accessToken", "")
			.param("crmWebhookUrl", "ftp://crm"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"instagramAccountId-error\">must be digits only<",
					"id=\"username-error\">must be 1 to 30 letters, digits, periods or underscores<",
					"id=\"accessToken-error\">is required<", "id=\"crmWebhookUrl-error\">must be an absolute http",
					"aria-describedby=\"instagramAccountId-error\"");
		assertThat(console.mvc.post().uri("/accounts/new").with(console.as(console.admin)).with(csrf())
			.param("instagramAccountId", Api.randomInstagramId())
			.param("username", "again")
			.param("accessToken", "IGAAT-token")
			.param("crmWebhookUrl", "https://crm.example.com/x"))
			.bodyText()
			.contains("id=\"webhookSecret-error\">is required with crm_webhook_url");
		assertThat(console.mvc.post().uri("/accounts/new").with(console.as(console.admin)).with(csrf())
			.param("instagramAccountId", console.account.instagramAccountId())
			.param("username", "again")
			.param("accessToken", "IGAAT-token"))
			.bodyText()
			.contains("id=\"instagramAccountId-error\">is already added");
	}

	@Test
	void ruleFormShowsTheServicesRefusalNextToTheField() {
		assertThat(console.mvc.post().uri(rulesPath + "/new").with(console.as(console.agent)).with(csrf())
			.param("name", "Broken")
			.param("matchType", "regex")
			.param("pattern", "(unclosed")
			.param("replyText", "Hi {nickname}")
			.param("priority", "0"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"priority-error\">must be 1 or more<");
		assertThat(console.mvc.post().uri(rulesPath + "/new").with(console.as(console.agent)).with(csrf())
			.param("name", "Broken")
			.param("matchType", "regex")
			.param("pattern", "(unclosed")
			.param("replyText", "Hi")
			.param("priority", "10"))
			.bodyText()
			.contains("id=\"pattern-error\">is not a valid regular expression");
		assertThat(console.mvc.post().uri(rulesPath + "/new").with(console.as(console.agent)).with(csrf())
			.param("name", "AI without instructions")
			.param("matchType", "any")
			.param("action", "ai")
			.param("replyText", "Hi")
			.param("priority", "10"))
			.bodyText()
			.contains("id=\"aiInstructions-error\"", "are required with action ai");
		assertThat(rules.list(console.account.id(), null, null, 100)).isEmpty();
	}

	@Test
	void ruleCreatedInTheConsoleIsTheApisAndSwitchesInPlace() {
		assertThat(console.mvc.post().uri(rulesPath + "/new").with(console.as(console.agent)).with(csrf())
			.param("name", "Price")
			.param("matchType", "contains")
			.param("pattern", "price")
			.param("replyText", "Hi {username}! Prices: https://acme.example/p")
			.param("priority", "10")
			.param("enabled", "true")).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo(rulesPath);
		RuleDetails rule = rules.list(console.account.id(), null, null, 10).get(0);
		assertThat(rule.name()).isEqualTo("Price");
		assertThat(rule.enabled()).isTrue();

		assertThat(console.mvc.post().uri(rulesPath + "/" + rule.id() + "/enabled?enabled=false")
			.header("HX-Request", "true")
			.with(console.as(console.agent)).with(csrf().asHeader()))
			.hasStatusOk()
			.bodyText()
			.startsWith("<tr")
			.contains("id=\"rule-" + rule.id() + "\"", ">Off<", "aria-pressed=\"false\"")
			.doesNotContain("<html");
		assertThat(rules.get(console.account.id(), rule.id()).enabled()).isFalse();

		assertThat(console.mvc.post().uri(rulesPath + "/" + rule.id() + "/delete").with(console.as(console.agent))
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(rules.list(console.account.id(), null, null, 10)).isEmpty();
	}

	@Test
	void tryingAMessageShowsTheRuleAndItsReplyAndSendsNothing() {
		rules.create(console.account.id(), new Rules.Fields("Price", null, "contains", "price",
				"Hi {username}! Prices: https://acme.example/p", "friend", 10, true, null, null, null, null));
		int graphCalls = Stubs.graph().getAllServeEvents().size();

		assertThat(console.mvc.post().uri(rulesPath + "/test").header("HX-Request", "true")
			.with(console.as(console.agent)).with(csrf().asHeader())
			.param("text", "What is the PRICE?")
			.param("trigger", "direct_message"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"test-result\"", "<strong>Price</strong> answers", "Hi friend! Prices: https://acme.example/p")
			.doesNotContain("<html");
		assertThat(console.mvc.post().uri(rulesPath + "/test").with(console.as(console.agent)).with(csrf())
			.param("text", "hello")
			.param("trigger", "direct_message"))
			.bodyText()
			.contains("None of the 1 enabled direct_message rules matches this text.");
		assertThat(console.mvc.post().uri(rulesPath + "/test").with(console.as(console.agent)).with(csrf())
			.param("text", "price")
			.param("trigger", "not_a_trigger")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(Stubs.graph().getAllServeEvents()).hasSize(graphCalls);
	}

	@Test
	void connectWithInstagramEndsBackInTheConsole() {
		String instagramId = Api.randomInstagramId();
		String longToken = "IGQlong-" + java.util.UUID.randomUUID();
		InstagramLoginStubs.answer(instagramId, "acme.console", "IGQshort-" + java.util.UUID.randomUUID(), longToken);
		String authorize = console.mvc.get().uri("/accounts/connect").with(console.as(console.admin)).exchange()
			.getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith("https://www.instagram.com/oauth/authorize?");
		String state = UriComponentsBuilder.fromUriString(authorize).build().getQueryParams().getFirst("state");

		String back = console.mvc.get().uri("/connect/instagram/callback?code=c-1&state=" + state).exchange()
			.getResponse().getHeader("Location");
		assertThat(back).matches("/accounts/acc_[0-9a-z]{26}\\?connected");
		assertThat(console.mvc.get().uri(back).with(console.as(console.admin))).bodyText()
			.contains("@acme.console", "Connected with Instagram");

		Stubs.graph().stubFor(post(urlPathEqualTo("/oauth-host/oauth/access_token")).willReturn(aResponse()
			.withStatus(400).withHeader("Content-Type", "application/json")
			.withBody("{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"code used\"}")));
		String failed = console.mvc.get().uri("/accounts/connect").with(console.as(console.admin)).exchange()
			.getResponse().getRedirectedUrl();
		assertThat(console.mvc.get().uri("/connect/instagram/callback?code=c-2&state="
				+ UriComponentsBuilder.fromUriString(failed).build().getQueryParams().getFirst("state")).exchange()
			.getResponse().getHeader("Location")).isEqualTo("/accounts?connect=instagram_login_failed");
		assertThat(console.mvc.get().uri("/accounts?connect=instagram_login_failed").with(console.as(console.admin)))
			.bodyText().contains("Meta refused a step of connecting the account");
		assertThat(console.mvc.get().uri("/accounts/connect").with(console.as(console.agent)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void testEventReachesTheCrmSignedAndItsAnswerIsShown() {
		Stubs.crm().stubFor(post(urlPathEqualTo(console.account.crmPath()))
			.withRequestBody(matchingJsonPath("$.event", equalTo("ping")))
			.willReturn(aResponse().withStatus(204)));

		assertThat(console.mvc.post().uri("/accounts/" + console.account.id() + "/ping").header("HX-Request", "true")
			.with(console.as(console.admin)).with(csrf().asHeader()))
			.hasStatusOk()
			.bodyText()
			.contains("The CRM answered HTTP 204", " ms.");
		assertThat(Stubs.crm().findAll(postRequestedFor(urlPathEqualTo(console.account.crmPath()))
			.withRequestBody(matchingJsonPath("$.account_id", equalTo(console.account.id())))))
			.singleElement()
			.satisfies(request -> assertThat(request.getHeader("X-Hub-Signature-256")).startsWith("sha256="));
	}

}
