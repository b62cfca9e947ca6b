package dev.igautomation.console;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics page shows the analytics API's figures for the same period, day by day in charts, and exports them
 * as CSV; the overview counts today's messages.
 */
abstract class ConsoleAnalyticsTests {

	private static final Pattern API_CALL = Pattern.compile("analytics\\?from=([^&]+)&amp;to=([^<]+)</code>");

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
		Webhooks webhooks = new Webhooks(api);
		String ig = console.account.instagramAccountId();
		long now = Instant.now().toEpochMilli();
		for (int i = 0; i < 3; i++) {
			assertThat(webhooks.post(message(ig, "2000000" + i, ig, now - 60_000 + i, "=price " + i, false)).status())
				.isEqualTo(200);
		}
		webhooks.post(message(ig, ig, "20000000", now, "Prices: https://acme.example/p", true));
		webhooks.post(message(ig, ig, "20000001", now + 90_000, "Prices: https://acme.example/p", true));
	}

	@Test
	void pageShowsTheApisFiguresForTheSamePeriod() throws Exception {
		String page = console.mvc.get().uri("/accounts/" + console.account.id() + "/analytics?days=7")
			.with(console.as(console.agent)).exchange().getResponse().getContentAsString();
		Matcher call = API_CALL.matcher(page);
		assertThat(call.find()).as(page).isTrue();
		Api.Answer figures = api.get("/api/v1/accounts/" + console.account.id() + "/analytics?from=" + call.group(1)
				+ "&to=" + call.group(2), ADMIN_KEY);
		assertThat(figures.status()).isEqualTo(200);
		assertThat(figures.body().at("/messages/received").asLong()).isEqualTo(3);
		assertThat(figures.body().at("/first_reply/answered").asLong()).isEqualTo(2);
		assertThat(page).contains("data-figure=\"received\">" + figures.body().at("/messages/received").asLong() + "<",
				"data-figure=\"sent\">" + figures.body().at("/messages/sent").asLong() + "<",
				"data-figure=\"users\">" + figures.body().at("/messages/unique_users").asLong() + "<",
				"data-figure=\"delivered\">" + figures.body().at("/crm_deliveries/delivered").asLong() + "<");
		assertThat(page).contains("data-series=\"{", "&quot;received&quot;:[0,0,0,0,0,0,3]", "data-chart=\"messages\"");
		double median = figures.body().at("/first_reply/median_seconds").asDouble();
		assertThat(median).isGreaterThan(60);
		assertThat(page).contains("data-figure=\"median\" data-seconds=\"" + median + "\"");
	}

	@Test
	void csvExportsStreamTheFiguresAndTheMessages() throws Exception {
		var daily = console.mvc.get().uri("/accounts/" + console.account.id() + "/analytics/daily.csv?days=7")
			.with(console.as(console.agent)).exchange().getResponse();
		assertThat(daily.getContentType()).startsWith("text/csv");
		assertThat(daily.getHeader("Content-Disposition")).startsWith("attachment; filename=\"analytics-");
		String[] lines = daily.getContentAsString().split("\n");
		assertThat(lines).hasSize(8);
		assertThat(lines[0]).startsWith("date,messages_in,messages_out");
		assertThat(lines[7]).matches("\\d{4}-\\d{2}-\\d{2},3,2,.*");

		String messages = console.mvc.get().uri("/accounts/" + console.account.id() + "/analytics/messages.csv?days=7")
			.with(console.as(console.agent)).exchange().getResponse().getContentAsString();
		assertThat(messages.split("\n")).hasSize(6);
		assertThat(messages).startsWith("time,direction,kind,user_id,text,message_id\n")
			.contains(",inbound,message,20000000,'=price 0,", ",outbound,echo,20000000,Prices: https://acme.example/p,");
	}

	/** The second echo is a minute and a half ahead: not yet part of today. */
	@Test
	void overviewCountsTodaysMessages() {
		assertThat(console.mvc.get().uri("/").with(console.as(console.agent))).bodyText()
			.contains("<strong>3</strong><span>messages in</span>", "<strong>1</strong><span>messages out</span>");
	}

	private static String message(String entry, String sender, String recipient, long at, String text, boolean echo) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"m-%s","text":"%s"%s}}]}]}"""
			.formatted(entry, at, sender, recipient, at, UUID.randomUUID(), text, echo ? ",\"is_echo\":true" : "");
	}

}
