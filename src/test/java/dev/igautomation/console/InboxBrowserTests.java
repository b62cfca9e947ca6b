package dev.igautomation.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Browser;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Senders;
import dev.igautomation.support.Stubs;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox as an operator uses it, in a real Chromium: a direct message appears in the open thread without a
 * reload; a double-clicked answer is sent once and stops the bot for that user until "Resume bot"; a message's
 * status changes live; past 24 hours the answer goes with the HUMAN_AGENT tag, past 7 days the box is closed; "Mark
 * done" takes the conversation out of the list. Screenshots of the list and the thread at 1280 and 390 pixels.
 */
abstract class InboxBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Operators operators;

	@Autowired
	RestTestClient client;

	abstract boolean savesScreenshots();

	@Test
	void operatorAnswersLiveAndTheBotStepsAsideUntilResumed() {
		Api api = new Api(client);
		Senders sender = Senders.create(api);
		Dms dms = new Dms(new Webhooks(api), sender.account().instagramAccountId());
		String accountId = sender.account().id();
		String user = sender.userId();
		// A username of its own: on PostgreSQL the admin's inbox also lists the other tests' conversations.
		String username = "ana." + UUID.randomUUID().toString().substring(0, 6);
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + user)).willReturn(okJson(
				"{\"username\":\"" + username + "\",\"name\":\"Ana B\"}")));
		assertThat(api.post("/api/v1/accounts/" + accountId + "/rules", Api.ADMIN_KEY, Map.of("name", "Welcome",
				"match_type", "any", "reply_text", "Thanks for writing!")).status()).isEqualTo(201);
		sender.graphAnswers(Senders.sent("mid-welcome-" + UUID.randomUUID()));
		dms.message(user, "Hi! Is the blue dress in stock?", Instant.now().minusSeconds(90));
		await().atMost(Duration.ofSeconds(15)).until(() -> replies(sender, "Thanks for writing!") == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> username.equals(api.get("/api/v1/accounts/" + accountId
				+ "/conversations/" + user, Api.ADMIN_KEY).at("/username")));

		ChromeDriver browser = Browser.driver();
		signIn(browser);
		// Searched for: on PostgreSQL the other tests' newer conversations can fill the first page.
		browser.get(base() + "/inbox?q=" + username);
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversations"),
				"@" + username));
		shoot(browser, "inbox-01-list");
		browser.findElement(By.partialLinkText("@" + username)).click();
		Browser.waiting(browser).until(ExpectedConditions.titleContains("@" + username));
		assertThat(browser.findElement(By.id("thread")).getText()).contains("Is the blue dress in stock?",
				"Auto-reply: Welcome", "Thanks for writing!");
		browser.executeScript("window.notReloaded = true;");

		dms.message(user, "And in size M?", Instant.now());
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"),
				"And in size M?"));
		assertThat(browser.executeScript("return window.notReloaded === true;")).as("no reload").isEqualTo(true);
		await().atMost(Duration.ofSeconds(15)).until(() -> replies(sender, "Thanks for writing!") == 2);

		String answerMid = "mid-answer-" + UUID.randomUUID();
		sender.graphAnswers(Senders.sent(answerMid));
		int before = sender.graphCalls().size();
		browser.findElement(By.id("reply-text")).sendKeys("Yes, M is in stock.");
		new Actions(browser).doubleClick(browser.findElement(By.id("send"))).perform();
		Browser.waiting(browser).until(ExpectedConditions.or(
				ExpectedConditions.textToBePresentInElementLocated(By.id("reply"), "The bot is paused for this user"),
				ExpectedConditions.textToBePresentInElementLocated(By.id("reply"), "the message goes once")));
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"),
				"Yes, M is in stock."));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> replies(sender, "Yes, M is in stock.") == 1);
		assertThat(browser.findElement(By.id("bot-state")).getText()).contains("paused");

		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#thread li:last-child .status"), "sent"));
		sender.read(new Webhooks(api), answerMid);
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#thread li:last-child .status"), "read"));
		shoot(browser, "inbox-02-thread");

		int afterAnswer = sender.graphCalls().size();
		assertThat(afterAnswer).isEqualTo(before + 1);
		dms.message(user, "Great, thanks", Instant.now());
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"),
				"Great, thanks"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> sender.graphCalls().size() == afterAnswer);

		click(browser, By.id("resume-bot"));
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("bot-state"),
				"answering"));
		dms.message(user, "One more question", Instant.now());
		await().atMost(Duration.ofSeconds(15)).until(() -> replies(sender, "Thanks for writing!") == 3);

		click(browser, By.id("mark-done"));
		// The thread's address contains /inbox too: wait for the list's own text, looked up again at each try.
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
				"out of the list"));
		assertThat(browser.findElements(By.id("conversation-" + user))).isEmpty();
	}

	@Test
	void pastTwentyFourHoursAnAnswerIsTaggedAndPastSevenDaysTheBoxIsClosed() {
		Api api = new Api(client);
		Senders sender = Senders.create(api);
		Dms dms = new Dms(new Webhooks(api), sender.account().instagramAccountId());
		String lapsed = Dms.newUser();
		String gone = Dms.newUser();
		dms.message(lapsed, "Yesterday's question", Instant.now().minus(Duration.ofHours(25)));
		dms.message(gone, "Last week's question", Instant.now().minus(Duration.ofDays(8)));
		sender.graphAnswers(Senders.sent("mid-human-" + UUID.randomUUID()));
		ChromeDriver browser = Browser.driver();
		signIn(browser);

		String conversation = base() + "/inbox/" + sender.account().id() + "/";
		String conversations = "/api/v1/accounts/" + sender.account().id() + "/conversations/";
		await().atMost(Duration.ofSeconds(15)).until(() -> api.get(conversations + lapsed, Api.ADMIN_KEY).status() == 200
				&& api.get(conversations + gone, Api.ADMIN_KEY).status() == 200);
		browser.get(conversation + lapsed);
		assertThat(browser.findElement(By.id("reply")).getText()).contains("HUMAN_AGENT");
		browser.findElement(By.id("reply-text")).sendKeys("Sorry for the wait: yes, we have it.");
		browser.findElement(By.id("send")).click();
		Browser.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply"),
				"with the HUMAN_AGENT tag"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sender.graphCalls()).singleElement()
			.satisfies(call -> assertThat(call.getBodyAsString()).contains("\"tag\":\"HUMAN_AGENT\"",
					"Sorry for the wait")));
		shoot(browser, "inbox-03-human-agent");

		browser.get(conversation + gone);
		assertThat(browser.findElement(By.id("reply")).getText()).contains("more than 7 days old");
		assertThat(browser.findElement(By.id("reply-text")).isEnabled()).isFalse();
		assertThat(browser.findElement(By.id("send")).isEnabled()).isFalse();
		shoot(browser, "inbox-04-closed");
	}

	/** Clicks what may be swapped by a live update at that moment (a new element then, found again). */
	private static void click(ChromeDriver browser, By what) {
		Browser.waiting(browser).ignoring(StaleElementReferenceException.class).until(driver -> {
			driver.findElement(what).click();
			return true;
		});
	}

	private static int replies(Senders sender, String text) {
		return (int) sender.graphCalls().stream().filter(call -> call.getBodyAsString().contains(text)).count();
	}

	private void signIn(ChromeDriver browser) {
		Operator admin = ConsoleFixture.operator(operators, Operator.Role.ADMIN, Set.of());
		browser.manage().deleteAllCookies();
		browser.get(base() + "/login");
		browser.findElement(By.id("username")).sendKeys(admin.email());
		browser.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD, Keys.ENTER);
		Browser.waiting(browser).until(ExpectedConditions.titleContains("Overview"));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private void shoot(ChromeDriver browser, String name) {
		if (savesScreenshots()) {
			Browser.screenshot(browser, name, List.of(1280, 390));
		}
	}

}
