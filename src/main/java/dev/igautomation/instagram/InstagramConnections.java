package dev.igautomation.instagram;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.AccountLifecycle;
import dev.igautomation.account.ConnectedAccounts;
import dev.igautomation.system.AppSecrets;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connecting accounts through Instagram Login, and refreshing their tokens: the one implementation behind the API's
 * {@code /connect/instagram} and the console's "Connect with Instagram" and "Refresh now". A flow started from the
 * console says so in its signed state, so the callback sends the person back to the console.
 */
@Service
public class InstagramConnections {

	static final String SCOPES = "instagram_business_basic,instagram_business_manage_messages,"
			+ "instagram_business_manage_comments";

	static final String WEBHOOK_FIELDS = String.join(",", GraphClient.WEBHOOK_FIELDS);

	private static final Logger log = LoggerFactory.getLogger(InstagramConnections.class);

	private final InstagramLoginProperties properties;

	private final AppSecrets secrets;

	private final ConnectState state;

	private final InstagramLogin login;

	private final GraphClient graph;

	private final ConnectedAccounts accounts;

	private final AccountCredentials credentials;

	private final AccountLifecycle lifecycle;

	private final Clock clock;

	InstagramConnections(InstagramLoginProperties properties, AppSecrets secrets, ConnectState state,
			InstagramLogin login, GraphClient graph, ConnectedAccounts accounts, AccountCredentials credentials,
			AccountLifecycle lifecycle, Clock clock) {
		this.credentials = credentials;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.secrets = secrets;
		this.state = state;
		this.login = login;
		this.graph = graph;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** An account connected: created or given a new token, and the webhook fields it was subscribed to. */
	public record Connected(ConnectedAccounts.Connected account, List<String> subscribedFields) {
	}

	/** Whether the app id and secret that Instagram Login needs are set. */
	public boolean configured() {
		return properties.appId() != null && !properties.appId().isBlank() && secrets.primary() != null;
	}

	/** Instagram's authorization page, with a fresh signed state; {@code redirectUri} is this service's callback. */
	public URI authorizeUrl(String redirectUri, boolean fromConsole) {
		requireConfigured();
		return UriComponentsBuilder.fromUri(properties.authorizeUrl())
			.queryParam("client_id", properties.appId())
			.queryParam("redirect_uri", redirectUri(redirectUri))
			.queryParam("response_type", "code")
			.queryParam("scope", SCOPES)
			.queryParam("state", state.issue(fromConsole))
			.encode()
			.build()
			.toUri();
	}

	/** Whether a state was issued for a flow started from the console (it need not be valid any more). */
	public boolean fromConsole(String stateValue) {
		return state.fromConsole(stateValue);
	}

	/**
	 * Completes the flow: exchanges the code for a short-lived and then a long-lived token, reads the account, adds
	 * it or gives it its new token, and subscribes it to the webhook fields this service handles.
	 */
	public Connected complete(String code, String stateValue, String refusal, String redirectUri) {
		requireConfigured();
		if (!state.valid(stateValue)) {
			throw InstagramLoginFailed.invalidState();
		}
		if (code == null || code.isBlank()) {
			throw InstagramLoginFailed.refused(refusal != null ? refusal : "no authorization code came back");
		}
		InstagramLogin.ShortLived shortLived = step("exchange the authorization code",
				() -> login.exchangeCode(code.replaceAll("#_$", ""), redirectUri(redirectUri)));
		Instant issuedAt = clock.instant();
		GraphClient.Token longLived = step("exchange the token for a long-lived one",
				() -> graph.longLived(secrets.primary(), shortLived.accessToken()));
		GraphClient.Me me = step("read the account", () -> graph.me(longLived.accessToken()));
		Instant expiresAt = longLived.expiresIn().isZero() ? null : issuedAt.plus(longLived.expiresIn());
		ConnectedAccounts.Connected account = accounts.connect(me.userId(), me.username(), longLived.accessToken(),
				issuedAt, expiresAt);
		boolean subscribed = step("subscribe the account to webhooks",
				() -> graph.subscribe(longLived.accessToken(), WEBHOOK_FIELDS));
		log.info("Instagram account {} ({}) connected as {}; webhooks subscribed: {}", me.userId(), me.username(),
				account.id(), subscribed);
		return new Connected(account, subscribed ? List.of(WEBHOOK_FIELDS.split(",")) : List.of());
	}

	/** Refreshes one account's long-lived token now; a failure is recorded on the account, and thrown. */
	public Instant refreshNow(String accountId) {
		return refresh(accountId, credentials.sendingAccount(accountId).accessToken());
	}

	Instant refresh(String accountId, String accessToken) {
		try {
			GraphClient.Token token = graph.refresh(accessToken);
			Instant issuedAt = clock.instant();
			Instant expiresAt = token.expiresIn().isZero() ? null : issuedAt.plus(token.expiresIn());
			lifecycle.tokenRefreshed(accountId, token.accessToken(), issuedAt, expiresAt);
			return expiresAt;
		}
		catch (GraphApiException ex) {
			lifecycle.tokenRefreshFailed(accountId, ex.getMessage());
			throw InstagramLoginFailed.byMeta("refresh the token", ex);
		}
	}

	private String redirectUri(String callback) {
		return properties.redirectUri() != null ? properties.redirectUri().toString() : callback;
	}

	private void requireConfigured() {
		if (!configured()) {
			throw InstagramLoginFailed.notConfigured();
		}
	}

	private static <T> T step(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (GraphApiException ex) {
			throw InstagramLoginFailed.byMeta(what, ex);
		}
	}

}
