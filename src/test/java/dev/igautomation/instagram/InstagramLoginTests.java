package dev.igautomation.instagram;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.ConnectedAccounts;
import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Instagram Login against WireMock as Instagram and the Graph API: the connect flow from the redirect to a subscribed
 * account, and the daily token refresh. Run on H2 and on PostgreSQL.
 */
abstract class InstagramLoginTests {

	private static final Duration SIXTY_DAYS = Duration.ofDays(60);

	@Autowired
	RestTestClient client;

	@Autowired
	AccountCredentials credentials;

	@Autowired
	ConnectedAccounts accounts;

	@Autowired
	TokenRefresh tokenRefresh;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(client);
	}

	@Test
	void theConnectFlowLeavesASubscribedAccountWithATokenExpiry() {
		String instagramId = Api.randomInstagramId();
		String shortToken = "IGQshort-" + UUID.randomUUID();
		String longToken = "IGQlong-" + UUID.randomUUID();
		instagramAnswers(instagramId, "acme.connected", shortToken, longToken);

		Api.Answer start = api.get("/connect/instagram", ADMIN_KEY);
		assertThat(start.status()).isEqualTo(302);
		URI authorize = start.headers().getLocation();
		assertThat(authorize.toString()).startsWith("https://www.instagram.com/oauth/authorize?");
		var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		assertThat(query.getFirst("client_id")).isEqualTo("test-app-id");
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("scope")).contains("instagram_business_manage_messages");
		assertThat(query.getFirst("redirect_uri")).endsWith("/connect/instagram/callback");
		assertThat(api.get("/connect/instagram", null).status()).isEqualTo(401);

		Instant before = Instant.now();
		String code = "code-" + UUID.randomUUID();
		Api.Answer connected = api.get("/connect/instagram/callback?code=" + code + "%23_&state="
				+ query.getFirst("state"), null);

		assertThat(connected.status()).as(connected.text()).isEqualTo(200);
		assertThat(connected.at("/instagram_account_id")).isEqualTo(instagramId);
		assertThat(connected.body().get("created").asBoolean()).isTrue();
		assertThat(connected.body().get("subscribed_fields").toString()).contains("messages", "comments");
		JsonNode account = api.get("/api/v1/accounts/" + connected.at("/account_id"), ADMIN_KEY).body();
		assertThat(account.get("username").asString()).isEqualTo("acme.connected");
		assertThat(Instant.parse(account.get("token_expires_at").asString()))
			.isCloseTo(before.plus(SIXTY_DAYS), within(Duration.ofMinutes(1)));
		assertThat(Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth-host/oauth/access_token"))
				.withRequestBody(containing("&code=" + code))
				.withRequestBody(containing("client_secret=test-app-secret"))))
			.singleElement()
			.satisfies(Stubs::assertFixedLength);
		assertThat(Stubs.graph()
			.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/subscribed_apps"))
				.withHeader("Authorization", equalTo("Bearer " + longToken))))
			.singleElement()
			.satisfies(Stubs::assertFixedLength);

		Api.Answer again = api.get("/connect/instagram/callback?code=" + code + "&state=" + query.getFirst("state"),
				null);
		assertThat(again.body().get("created").asBoolean()).isFalse();
		assertThat(again.at("/account_id")).isEqualTo(connected.at("/account_id"));
	}

	@Test
	void aCallbackNotStartedHereOrRefusedByTheUserConnectsNothing() {
		Api.Answer forged = api.get("/connect/instagram/callback?code=x&state=123.abc.forged", null);
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.at("/code")).isEqualTo("invalid_state");

		String state = UriComponentsBuilder.fromUri(api.get("/connect/instagram", ADMIN_KEY).headers().getLocation())
			.build()
			.getQueryParams()
			.getFirst("state");
		Api.Answer refused = api.get("/connect/instagram/callback?error=access_denied&error_reason=user_denied"
				+ "&error_description=The+user+denied+your+request.&state=" + state, null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.at("/code")).isEqualTo("instagram_login_refused");
		assertThat(refused.at("/detail")).contains("The user denied your request.");
	}

	@Test
	void dueTokensAreRefreshedIdleOrNotAndAFailedRefreshShowsInTheAccountAndHealth() {
		Instant now = Instant.now();
		String dueToken = "IGQdue-" + UUID.randomUUID();
		String freshToken = "IGQfresh-" + UUID.randomUUID();
		String brokenToken = "IGQbroken-" + UUID.randomUUID();
		String due = accounts.connect(Api.randomInstagramId(), "due.shop", dueToken, now.minus(Duration.ofDays(55)),
				now.plus(Duration.ofDays(5))).id();
		String notDue = accounts.connect(Api.randomInstagramId(), "fresh.shop", freshToken,
				now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(58))).id();
		String broken = accounts.connect(Api.randomInstagramId(), "broken.shop", brokenToken,
				now.minus(Duration.ofDays(59)), now.plus(Duration.ofHours(20))).id();
		String renewed = "IGQrenewed-" + UUID.randomUUID();
		Stubs.graph().stubFor(get(urlPathEqualTo("/refresh_access_token"))
			.withQueryParam("grant_type", equalTo("ig_refresh_token"))
			.withQueryParam("access_token", equalTo(dueToken))
			.willReturn(okJson("{\"access_token\":\"" + renewed + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
		Stubs.graph().stubFor(get(urlPathEqualTo("/refresh_access_token"))
			.withQueryParam("access_token", equalTo(brokenToken))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\","
						+ "\"code\":190}}")));

		assertThat(tokenRefresh.refreshDue(now)).isGreaterThanOrEqualTo(1);

		assertThat(credentials.sendingAccount(due).accessToken()).isEqualTo(renewed);
		assertThat(expiry(due)).isCloseTo(now.plus(SIXTY_DAYS), within(Duration.ofMinutes(1)));
		assertThat(credentials.sendingAccount(notDue).accessToken()).isEqualTo(freshToken);
		JsonNode failed = api.get("/api/v1/accounts/" + broken, ADMIN_KEY).body();
		assertThat(failed.get("token_refresh_error").asString()).contains("Error validating access token");
		assertThat(credentials.sendingAccount(broken).accessToken()).isEqualTo(brokenToken);
		JsonNode health = api.get("/health", null).body();
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/instagramTokens/details/accounts_needing_a_new_token").toString())
			.contains(broken)
			.doesNotContain(due);
	}

	private Instant expiry(String accountId) {
		return Instant.parse(api.get("/api/v1/accounts/" + accountId, ADMIN_KEY).at("/token_expires_at"));
	}

	private void instagramAnswers(String instagramId, String username, String shortToken, String longToken) {
		dev.igautomation.support.InstagramLoginStubs.answer(instagramId, username, shortToken, longToken);
	}

}
