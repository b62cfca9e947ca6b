package dev.igautomation.console;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in over real HTTP: the first admin from the setup link, invitations and resets as one-time links, the
 * session kept in the database with a safe cookie, the lock after ten failures (per email and per address), and the
 * API, which no session cookie ever opens.
 */
abstract class ConsoleLoginTests {

	@LocalServerPort
	int port;

	@Autowired
	Operators operators;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void setupLinkMakesTheFirstAdminOnceWhoThenLogsIn() {
		String token = operators.issueSetupLink();
		String email = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		FormClient browser = new FormClient(port);

		assertThat(browser.get("/setup?token=" + token).body()).contains("Set up the first admin");
		HttpResponse<String> tooShort = browser.post("/setup", Map.of("token", token, "email", email,
				"displayName", "Ana", "password", "short", "confirmation", "short"));
		assertThat(tooShort.statusCode()).isEqualTo(200);
		assertThat(tooShort.body()).contains("id=\"password-error\">must be at least 12 characters<");
		HttpResponse<String> done = browser.post("/setup", Map.of("token", token, "email", email, "displayName",
				"Ana", "password", "correct horse battery", "confirmation", "correct horse battery"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login?ready"));
		assertThat(browser.get("/setup?token=" + token).statusCode()).as("the link works once").isEqualTo(410);

		HttpResponse<String> loggedIn = browser.logIn(email.toUpperCase(), "correct horse battery");
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> overview = browser.get("/");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("<h1>Overview</h1>", "Ana");
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				email)).as("the session lives in the database").isEqualTo(1);
		assertThat(jdbc.queryForObject("select role from operator where email = ?", String.class, email))
			.isEqualTo("admin");
	}

	@Test
	void sessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
		Operator admin = ConsoleFixture.operator(operators, Operator.Role.ADMIN, Set.of());
		FormClient browser = new FormClient(port);
		String before = sessionOf(browser.get("/login"));
		HttpResponse<String> login = browser.post("/login", Map.of("username", admin.email(), "password",
				ConsoleFixture.PASSWORD));
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("IGA_SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
		assertThat(sessionOf(login)).as("the session id changes at login").isNotNull().isNotEqualTo(before);

		HttpResponse<String> behindProxy = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/login")).header("X-Forwarded-Proto", "https").GET());
		FormClient secure = new FormClient(port);
		HttpResponse<String> fresh = secure.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/login")).header("X-Forwarded-Proto", "https").GET());
		assertThat(behindProxy.statusCode()).isEqualTo(200);
		assertThat(fresh.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("IGA_SESSION=").contains("Secure", "HttpOnly"));
	}

	private static String sessionOf(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream()
			.filter(cookie -> cookie.startsWith("IGA_SESSION="))
			.map(cookie -> cookie.substring(12, cookie.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	@Test
	void apiNeverAcceptsTheConsoleSession() {
		Operator admin = ConsoleFixture.operator(operators, Operator.Role.ADMIN, Set.of());
		FormClient browser = new FormClient(port);
		assertThat(browser.logIn(admin.email(), ConsoleFixture.PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get("/accounts").statusCode()).isEqualTo(200);

		HttpResponse<String> api = browser.get("/api/v1/accounts");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(browser.get("/api/v1/api-keys").statusCode()).isEqualTo(401);
	}

	@Test
	void tenWrongPasswordsLockTheEmailFor15Minutes() {
		Operator agent = ConsoleFixture.operator(operators, Operator.Role.AGENT, Set.of());
		FormClient browser = new FormClient(port).from(FormClient.someAddress());
		browser.get("/login");
		for (int attempt = 1; attempt < 10; attempt++) {
			HttpResponse<String> wrong = browser.post("/login", Map.of("username", agent.email(), "password",
					"wrong password " + attempt));
			assertThat(wrong.statusCode()).as("attempt " + attempt).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login?error"));
		}
		HttpResponse<String> tenth = browser.post("/login", Map.of("username", agent.email(), "password", "wrong"));
		assertThat(tenth.statusCode()).isEqualTo(429);
		assertThat(tenth.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(800L, 900L));
		assertThat(tenth.body()).contains("Too many failed logins", "locked for 15 more minutes");

		HttpResponse<String> right = browser.post("/login", Map.of("username", agent.email(), "password",
				ConsoleFixture.PASSWORD));
		assertThat(right.statusCode()).as("even the right password waits").isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void oneAddressGuessingManyEmailsIsLockedToo() {
		Operator agent = ConsoleFixture.operator(operators, Operator.Role.AGENT, Set.of());
		FormClient guesser = new FormClient(port).from(FormClient.someAddress());
		guesser.get("/login");
		for (int attempt = 1; attempt <= 10; attempt++) {
			guesser.post("/login", Map.of("username", "guess" + attempt + "@example.com", "password", "x"));
		}
		HttpResponse<String> fromThere = guesser.post("/login", Map.of("username", agent.email(), "password",
				ConsoleFixture.PASSWORD));
		assertThat(fromThere.statusCode()).isEqualTo(429);
		HttpResponse<String> elsewhere = new FormClient(port).from("198.51.100." + (1 + (int) (Math.random() * 250)))
			.logIn(agent.email(), ConsoleFixture.PASSWORD);
		assertThat(elsewhere.statusCode()).as("another address is not locked").isEqualTo(302);
	}

	@Test
	void invitationAndResetAreOneTimeLinksAndDisablingEndsTheSession() {
		Operator admin = ConsoleFixture.operator(operators, Operator.Role.ADMIN, Set.of());
		Operators.Invited invited = operators.invite("Invitee-" + UUID.randomUUID().toString().substring(0, 6)
				+ "@Example.com", "Invitee", Operator.Role.AGENT, Set.of());
		FormClient invitee = new FormClient(port);
		assertThat(invitee.get("/invite?token=" + invited.token()).body()).contains(invited.operator().email());
		assertThat(invitee.post("/invite", Map.of("token", invited.token(), "password", "invitee password 1",
				"confirmation", "invitee password 1")).statusCode()).isEqualTo(302);
		assertThat(invitee.get("/invite?token=" + invited.token()).statusCode()).isEqualTo(410);
		assertThat(invitee.logIn(invited.operator().email(), "invitee password 1").statusCode()).isEqualTo(302);
		assertThat(invitee.get("/").statusCode()).isEqualTo(200);

		String reset = operators.resetPassword(admin.id(), invited.operator().id());
		assertThat(invitee.get("/").statusCode()).as("a reset ends the sessions").isEqualTo(302);
		assertThat(new FormClient(port).logIn(invited.operator().email(), "invitee password 1").headers()
			.firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login?error"));
		assertThat(invitee.get("/invite?token=" + reset).statusCode()).isEqualTo(200);
		invitee.post("/invite", Map.of("token", reset, "password", "invitee password 2", "confirmation",
				"invitee password 2"));
		assertThat(invitee.logIn(invited.operator().email(), "invitee password 2").statusCode()).isEqualTo(302);
		assertThat(invitee.get("/").statusCode()).isEqualTo(200);

		operators.setEnabled(admin.id(), invited.operator().id(), false);
		assertThat(invitee.get("/").statusCode()).as("disabling ends the sessions").isEqualTo(302);
		assertThat(invitee.logIn(invited.operator().email(), "invitee password 2").headers().firstValue("Location"))
			.hasValueSatisfying(url -> assertThat(url).endsWith("/login?error"));
	}

}
