package dev.igautomation.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Browser;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.TestAccounts;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product walked as a new person walks it, in a real Chromium: the setup link, a password, logging in, adding
 * an account, writing a rule, trying a message, a signed direct message through Meta's webhook answered by the rule,
 * and that reply counted in the analytics chart; then ten wrong passwords lock the login. Each page is saved as a
 * screenshot at 1280 and 390 pixels wide, under {@code target/screenshots/}, for people to look at.
 */
abstract class ConsoleBrowserTests {

	static final List<Integer> WIDTHS = List.of(1280, 390);

	@LocalServerPort
	int port;

	@Autowired
	Operators operators;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	/** Whether this run's pages are saved; one database's run is enough for people to look at. */
	abstract boolean savesScreenshots();

	@Test
	void newPersonSetsUpWritesARuleAndSeesItsReplyCounted() {
		ChromeDriver browser = Browser.driver();
		browser.manage().deleteAllCookies();
		String base = "http://localhost:" + port;
		String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		browser.get(base + "/setup?token=" + operators.issueSetupLink());
		shoot(browser, "01-setup");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("displayName")).sendKeys("Ana Owner");
		browser.findElement(By.id("password")).sendKeys("correct horse battery");
		browser.findElement(By.id("confirmation")).sendKeys("correct horse battery");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		Browser.waiting(browser).until(ExpectedConditions.urlContains("/login?ready"));
		shoot(browser, "02-login");

		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys("correct horse battery", Keys.ENTER);
		Browser.waiting(browser).until(ExpectedConditions.titleContains("Overview"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains(Browser.TIME_ZONE + " time");
		shoot(browser, "03-overview");
		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).as("the first Tab reaches the skip link")
			.isEqualTo("Skip to content");
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).as("then the navigation").isEqualTo("IG Automation");

		String token = "IGAAT-" + UUID.randomUUID();
		String instagramId = Api.randomInstagramId();
		String crmPath = "/crm/" + UUID.randomUUID();
		Stubs.crm().stubFor(post(urlPathEqualTo(crmPath)).willReturn(ok()));
		browser.findElement(By.linkText("Accounts")).click();
		shoot(browser, "04-accounts");
		browser.findElement(By.linkText("Add by hand")).click();
		browser.findElement(By.id("instagramAccountId")).sendKeys("not digits");
		browser.findElement(By.id("username")).sendKeys("acme.shop");
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		assertThat(browser.findElement(By.id("instagramAccountId-error")).getText()).isEqualTo("must be digits only");
		shoot(browser, "05-account-new-errors");
		browser.findElement(By.id("instagramAccountId")).clear();
		browser.findElement(By.id("instagramAccountId")).sendKeys(instagramId);
		browser.findElement(By.id("accessToken")).sendKeys(token);
		browser.findElement(By.id("crmWebhookUrl")).sendKeys(Stubs.crm().baseUrl() + crmPath);
		browser.findElement(By.id("webhookSecret")).sendKeys(TestAccounts.WEBHOOK_SECRET);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		Browser.waiting(browser).until(ExpectedConditions.titleContains("@acme.shop"));
		String accountId = browser.getCurrentUrl().replaceAll(".*/accounts/", "");
		browser.findElement(By.xpath("//button[contains(., 'Send a test event')]")).click();
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ping-result"),
				"The CRM answered HTTP 200"));
		shoot(browser, "06-account");

		browser.findElement(By.linkText("Rules")).click();
		shoot(browser, "07-rules-empty");
		browser.findElement(By.linkText("New rule")).click();
		browser.findElement(By.id("name")).sendKeys("Price");
		browser.findElement(By.id("pattern")).sendKeys("price");
		browser.findElement(By.id("replyText")).sendKeys("Hi {username}! Our prices: https://acme.example/p");
		browser.findElement(By.id("priority")).clear();
		browser.findElement(By.id("priority")).sendKeys("10");
		shoot(browser, "08-rule-new");
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		Browser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[id^=rule-]")));

		browser.findElement(By.id("try-text")).sendKeys("How much? What's the price?");
		browser.findElement(By.xpath("//button[.='Try it']")).click();
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"),
				"Hi! Our prices: https://acme.example/p"));
		assertThat(browser.findElement(By.id("test-result")).getText()).contains("Price answers");
		shoot(browser, "09-rules-try");

		String user = String.valueOf(2_000_000_000L + (long) (Math.random() * 1_000_000_000L));
		Senders sender = new Senders(new TestAccounts(accountId, instagramId, crmPath, TestAccounts.WEBHOOK_SECRET),
				token, user);
		sender.graphAnswers(Senders.sent("mid-reply-" + UUID.randomUUID()));
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + user)).willReturn(okJson("{\"username\":\"ana.b\"}")));
		long now = System.currentTimeMillis();
		assertThat(new Webhooks(new Api(client)).post("""
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"in-%s","text":"Hi! What's the price?"}}]}]}"""
			.formatted(instagramId, now, user, instagramId, now, UUID.randomUUID())).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
				"select status from outbound_message where account_id = ? and rule_id is not null", String.class,
				accountId)).containsExactly("sent"));
		assertThat(sender.graphCalls()).singleElement()
			.satisfies(call -> assertThat(call.getBodyAsString()).contains("Hi ana.b! Our prices"));

		browser.findElement(By.linkText("Analytics")).click();
		WebElement charts = browser.findElement(By.id("charts"));
		assertThat(charts.getAttribute("data-series")).contains("\"rules\":[\"Price\"]", "\"rule_replies\":[1]");
		Browser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-chart=rules] canvas")));
		assertThat(browser.findElements(By.cssSelector("[data-chart] canvas"))).hasSize(5);
		assertThat(browser.findElement(By.cssSelector("[data-figure=auto-replies]")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.cssSelector("[data-figure=received]")).getText()).isEqualTo("1");
		shoot(browser, "10-analytics");

		browser.findElement(By.linkText("CRM deliveries")).click();
		shoot(browser, "11-deliveries");
		browser.findElement(By.cssSelector("table a")).click();
		assertThat(browser.findElement(By.tagName("pre")).getText()).contains("\"event\"");
		shoot(browser, "12-delivery");
		browser.get(base + "/accounts/" + accountId + "/sends");
		assertThat(browser.findElement(By.tagName("table")).getText()).contains("auto-reply", "sent");
		shoot(browser, "13-sends");

		browser.findElement(By.linkText("API keys")).click();
		browser.findElement(By.id("key-name")).sendKeys("crm-production");
		browser.findElement(By.xpath("//button[.='Create the key']")).click();
		assertThat(browser.findElement(By.id("created-key")).getAttribute("value")).startsWith("iga_");
		shoot(browser, "14-api-keys");
		browser.findElement(By.linkText("Operators")).click();
		browser.findElement(By.id("invite-email")).sendKeys("agent-" + UUID.randomUUID().toString().substring(0, 6)
				+ "@example.com");
		browser.findElement(By.id("invite-name")).sendKeys("Bo Agent");
		browser.findElement(By.cssSelector("form[action='/operators'] input[name=accountIds][value='" + accountId + "']"))
			.click();
		browser.findElement(By.xpath("//button[.='Invite']")).click();
		assertThat(browser.findElement(By.id("one-time-link")).getAttribute("value")).contains("/invite?token=");
		shoot(browser, "15-operators");

		assertThat(cspViolations(browser)).as("the pages run under the CSP without a violation").isEmpty();
		browser.findElement(By.xpath("//button[.='Log out']")).click();
		Browser.waiting(browser).until(ExpectedConditions.urlContains("/login?logout"));
	}

	@Test
	void tenWrongPasswordsLockTheLogin() {
		ChromeDriver browser = Browser.driver();
		browser.manage().deleteAllCookies();
		// As if behind a proxy, from an address of its own: locking it locks nothing the other tests use.
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("X-Forwarded-For", "192.0.2." + (int) (1 + Math.random() * 250))));
		try {
			String email = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
			for (int attempt = 1; attempt <= 10; attempt++) {
				browser.get("http://localhost:" + port + "/login");
				browser.findElement(By.id("username")).sendKeys(email);
				browser.findElement(By.id("password")).sendKeys("wrong password " + attempt, Keys.ENTER);
			}
			assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
				.contains("Too many failed logins", "locked for 15 more minutes");
			shoot(browser, "16-login-locked");
		}
		finally {
			browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
		}
	}

	private void shoot(ChromeDriver browser, String name) {
		if (savesScreenshots()) {
			Browser.screenshot(browser, name, WIDTHS);
		}
	}

	private static List<String> cspViolations(ChromeDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
	}

}
