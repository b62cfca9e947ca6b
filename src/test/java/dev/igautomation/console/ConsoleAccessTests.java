package dev.igautomation.console;

import java.util.List;
import java.util.Map;

import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Who may see which console page: an admin every one, an agent the pages of its accounts (another account's are
 * absent, 404) and no admin page (403), nobody logged out (sent to the login page). Every state-changing request
 * needs the CSRF token, htmx's included; every page carries the security headers.
 */
abstract class ConsoleAccessTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	RestTestClient client;

	@Autowired
	Operators operators;

	@Autowired
	OperatorLogins logins;

	ConsoleFixture console;

	@BeforeEach
	void setUp() {
		console = new ConsoleFixture(context, new Api(client), operators, logins);
	}

	@Test
	void adminSeesEveryPage() {
		List<String> pages = new java.util.ArrayList<>(List.of("/", "/accounts", "/accounts/new", "/api-keys",
				"/operators"));
		pages.addAll(ConsoleFixture.accountPages(console.account.id()).values());
		for (String page : pages) {
			assertThat(console.mvc.get().uri(page).with(console.as(console.admin))).as(page)
				.hasStatusOk()
				.hasContentTypeCompatibleWith("text/html")
				.bodyText()
				.contains("<main id=\"main\"");
		}
	}

	@Test
	void agentSeesItsAccountsPagesAndNoOtherAccount() {
		for (Map.Entry<String, String> page : ConsoleFixture.accountPages(console.account.id()).entrySet()) {
			assertThat(console.mvc.get().uri(page.getValue()).with(console.as(console.agent))).as(page.getKey())
				.hasStatusOk();
			assertThat(console.mvc.get().uri(page.getValue()).with(console.as(console.otherAgent))).as(page.getKey())
				.hasStatus(HttpStatus.NOT_FOUND)
				.bodyText()
				.contains("Account not found");
		}
		assertThat(console.mvc.get().uri("/accounts").with(console.as(console.agent))).bodyText()
			.contains(console.account.id())
			.doesNotContain(console.otherAccount.id());
		assertThat(console.mvc.get().uri("/").with(console.as(console.agent))).bodyText()
			.contains(console.account.id())
			.doesNotContain(console.otherAccount.id());
	}

	@Test
	void agentMayNotManageOperatorsKeysOrAccounts() {
		for (String page : List.of("/operators", "/api-keys", "/accounts/new")) {
			assertThat(console.mvc.get().uri(page).with(console.as(console.agent))).as(page)
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(console.mvc.post().uri("/accounts/" + console.account.id() + "/delete")
			.with(console.as(console.agent)).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(console.mvc.get().uri("/accounts/" + console.account.id()).with(console.as(console.agent)))
			.bodyText()
			.doesNotContain("Remove @", "Send a test event");
	}

	@Test
	void nobodyLoggedOutSeesAPage() {
		List<String> pages = new java.util.ArrayList<>(List.of("/", "/accounts", "/api-keys", "/operators"));
		pages.addAll(ConsoleFixture.accountPages(console.account.id()).values());
		for (String page : pages) {
			assertThat(console.mvc.get().uri(page)).as(page).hasStatus(HttpStatus.FOUND).redirectedUrl()
				.endsWith("/login");
		}
		assertThat(console.mvc.get().uri("/accounts").header("HX-Request", "true"))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader("HX-Redirect", "/login");
	}

	@Test
	void stateChangesNeedTheCsrfToken() {
		String toggle = "/accounts/" + console.account.id() + "/rules/new";
		assertThat(console.mvc.post().uri(toggle).with(console.as(console.admin)).param("name", "x"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(console.mvc.post().uri("/logout").with(console.as(console.admin)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(console.mvc.post().uri(toggle).with(console.as(console.admin)).with(csrf().asHeader())
			.header("HX-Request", "true")
			.param("name", "From htmx")
			.param("matchType", "any")
			.param("replyText", "Hello")
			.param("priority", "5")).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		assertThat(console.mvc.get().uri("/").with(console.as(console.admin)))
			.hasHeader("Content-Security-Policy", ConsoleSecurity.CONTENT_SECURITY_POLICY)
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("X-Frame-Options", "DENY")
			.hasHeader("Referrer-Policy", "same-origin");
		assertThat(ConsoleSecurity.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void unknownAddressesStay404ForEveryone() {
		assertThat(console.mvc.get().uri("/no/such/page")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(console.mvc.get().uri("/accounts/acc_01aaaaaaaaaaaaaaaaaaaaaaaa").with(console.as(console.admin)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void assetLinksCarryTheirContentHashAndOtherLinksStayAsWritten() {
		Api.Answer login = new Api(client).get("/login", null);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text()).containsPattern("href=\"/console/console-[0-9a-f]{32}\\.css\"")
			.containsPattern("src=\"/console/console-[0-9a-f]{32}\\.js\"");
		assertThat(AssetLinks.AssetLinkBuilder.isAsset("/accounts/acc_1/deliveries")).isFalse();
		assertThat(AssetLinks.AssetLinkBuilder.isAsset("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
	}

}
