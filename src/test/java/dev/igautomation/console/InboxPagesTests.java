package dev.igautomation.console;

import java.time.Duration;
import java.time.Instant;

import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.Dms;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Who sees which conversation in the inbox (an agent those of its accounts; another account's is absent), a user's
 * text shown escaped with its links clickable, the reply box refusing an empty answer in place, and "Mark done".
 */
abstract class InboxPagesTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	RestTestClient client;

	@Autowired
	Operators operators;

	@Autowired
	OperatorLogins logins;

	ConsoleFixture console;

	String user;

	String page;

	@BeforeEach
	void setUp() {
		Api api = new Api(client);
		console = new ConsoleFixture(context, api, operators, logins);
		user = Dms.newUser();
		new Dms(new Webhooks(api), console.account.instagramAccountId()).message(user,
				"<b>Hi</b> is https://shop.example/p/1 in stock?", Instant.now());
		String conversation = "/api/v1/accounts/" + console.account.id() + "/conversations/" + user;
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get(conversation, Api.ADMIN_KEY).status() == 200);
		page = "/inbox/" + console.account.id() + "/" + user;
	}

	@Test
	void anAgentSeesTheConversationsOfItsAccountsOnly() {
		assertThat(console.mvc.get().uri("/inbox").with(console.as(console.agent))).hasStatusOk()
			.bodyText()
			.contains("conversation-" + user);
		assertThat(console.mvc.get().uri("/inbox").with(console.as(console.otherAgent))).hasStatusOk()
			.bodyText()
			.doesNotContain(user);
		assertThat(console.mvc.get().uri(page).with(console.as(console.otherAgent)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(console.mvc.get().uri(page + "/thread").with(console.as(console.otherAgent)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(console.mvc.post().uri(page + "/done").with(console.as(console.otherAgent)).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void textIsEscapedWithItsLinksClickable() {
		assertThat(console.mvc.get().uri(page).with(console.as(console.agent))).hasStatusOk()
			.bodyText()
			.contains("&lt;b&gt;Hi&lt;/b&gt; is ", "<a href=\"https://shop.example/p/1\"")
			.doesNotContain("<b>Hi</b>");
	}

	@Test
	void anEmptyAnswerIsRefusedInPlaceAndDoneTakesTheConversationOut() {
		assertThat(console.mvc.post().uri(page + "/reply").with(console.as(console.agent)).with(csrf())
			.header("HX-Request", "true")
			.param("key", java.util.UUID.randomUUID().toString())
			.param("text", " ")).hasStatusOk()
			.bodyText()
			.contains("Write a message or give an attachment&#39;s URL.");
		assertThat(console.mvc.post().uri(page + "/reply").with(console.as(console.agent)).param("text", "hi"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(console.mvc.post().uri(page + "/done").with(console.as(console.agent)).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/inbox");
		assertThat(console.mvc.get().uri("/inbox").with(console.as(console.agent))).bodyText()
			.doesNotContain("conversation-" + user);
		assertThat(console.mvc.get().uri("/inbox?filter=done").with(console.as(console.agent))).bodyText()
			.contains("conversation-" + user);
	}

}
