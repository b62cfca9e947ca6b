package dev.igautomation.instagram;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.account.Accounts;
import dev.igautomation.system.AppSecrets;
import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Connects an Instagram professional account through Instagram Login: the operator starts at
 * {@code GET /connect/instagram} (admin key), is sent to Instagram to authorize the app, and Instagram sends them back
 * to the callback, which exchanges the code for a long-lived token, adds or updates the account, and subscribes it
 * to the webhook fields this service handles.
 */
@RestController
@Tag(name = "Connecting accounts", description = "Instagram Login (Instagram API with Instagram Login)")
class ConnectController {

	static final String SCOPES = "instagram_business_basic,instagram_business_manage_messages,"
			+ "instagram_business_manage_comments";

	static final String WEBHOOK_FIELDS = String.join(",", GraphClient.WEBHOOK_FIELDS);

	private static final String CALLBACK = "/connect/instagram/callback";

	private static final Logger log = LoggerFactory.getLogger(ConnectController.class);

	private final InstagramLoginProperties properties;

	private final AppSecrets secrets;

	private final ConnectState state;

	private final InstagramLogin login;

	private final GraphClient graph;

	private final Accounts accounts;

	private final Clock clock;

	ConnectController(InstagramLoginProperties properties, AppSecrets secrets, ConnectState state, InstagramLogin login, GraphClient graph,
			Accounts accounts, Clock clock) {
		this.properties = properties;
		this.secrets = secrets;
		this.state = state;
		this.login = login;
		this.graph = graph;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/connect/instagram")
	@SecurityRequirement(name = "api_key")
	@Operation(operationId = "startInstagramLogin", summary = "Start connecting an account", description = """
			Answers 302 to Instagram's authorization page (its URL is also in the body, for tools that do not follow \
			redirects: `curl -si -H "Authorization: Bearer $KEY" .../connect/instagram`). Needs an admin key.""")
	@ApiResponse(responseCode = "302", description = "To Instagram's authorization page (also in the body)",
			headers = @Header(name = "Location", description = "Instagram's authorization page"),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = AuthorizeAnswer.class)))
	@ErrorAnswer(status = 503, code = "instagram_login_not_configured",
			description = "INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET are not set.")
	ResponseEntity<AuthorizeAnswer> start() {
		requireConfigured();
		URI authorize = UriComponentsBuilder.fromUri(properties.authorizeUrl())
			.queryParam("client_id", properties.appId())
			.queryParam("redirect_uri", redirectUri())
			.queryParam("response_type", "code")
			.queryParam("scope", SCOPES)
			.queryParam("state", state.issue())
			.encode()
			.build()
			.toUri();
		return ResponseEntity.status(HttpStatus.FOUND).location(authorize).body(new AuthorizeAnswer(authorize));
	}

	@GetMapping(CALLBACK)
	@Operation(operationId = "finishInstagramLogin", summary = "Instagram Login's callback", description = """
			Where Instagram sends the operator back. Exchanges the code for a short-lived and then a long-lived (60 \
			days) token, reads the account's id and username, adds the account or updates its token, and subscribes \
			it to the webhook fields this service handles.""")
	@ErrorAnswer(status = 400, code = "invalid_state",
			description = "The flow was not started here in the last 10 minutes; or instagram_login_refused.")
	@ErrorAnswer(status = 502, code = "instagram_login_failed", description = "Meta refused a step of the exchange.")
	ConnectedAnswer callback(@RequestParam(required = false) String code,
			@RequestParam(required = false) String state,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			@RequestParam(required = false) String error) {
		requireConfigured();
		if (!this.state.valid(state)) {
			throw InstagramLoginFailed.invalidState();
		}
		if (code == null || code.isBlank()) {
			throw InstagramLoginFailed.refused(errorDescription != null ? errorDescription
					: error != null ? error : "no authorization code came back");
		}
		InstagramLogin.ShortLived shortLived = step("exchange the authorization code",
				() -> login.exchangeCode(code.replaceAll("#_$", ""), redirectUri()));
		Instant issuedAt = clock.instant();
		GraphClient.Token longLived = step("exchange the token for a long-lived one",
				() -> graph.longLived(secrets.primary(), shortLived.accessToken()));
		GraphClient.Me me = step("read the account", () -> graph.me(longLived.accessToken()));
		Instant expiresAt = longLived.expiresIn().isZero() ? null : issuedAt.plus(longLived.expiresIn());
		Accounts.Connected account = accounts.connect(me.userId(), me.username(), longLived.accessToken(), issuedAt,
				expiresAt);
		boolean subscribed = step("subscribe the account to webhooks",
				() -> graph.subscribe(longLived.accessToken(), WEBHOOK_FIELDS));
		log.info("Instagram account {} ({}) connected as {}; webhooks subscribed: {}", me.userId(), me.username(),
				account.id(), subscribed);
		return new ConnectedAnswer(account.id(), account.instagramAccountId(), account.username(),
				account.tokenExpiresAt(), account.created(), subscribed ? List.of(WEBHOOK_FIELDS.split(",")) : List.of());
	}

	private void requireConfigured() {
		if (properties.appId() == null || properties.appId().isBlank() || secrets.primary() == null) {
			throw InstagramLoginFailed.notConfigured();
		}
	}

	private String redirectUri() {
		return properties.redirectUri() != null ? properties.redirectUri().toString()
				: ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
	}

	private static <T> T step(String what, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (GraphApiException ex) {
			throw InstagramLoginFailed.byMeta(what, ex);
		}
	}

	record AuthorizeAnswer(@Schema(description = "Open this in a browser logged in to the Instagram account")
	URI authorizeUrl) {
	}

	record ConnectedAnswer(@Schema(example = "acc_01jfz6w8k3m2r5t7v9x1y3z5b7") String accountId,
			@Schema(example = "17841405309211844") String instagramAccountId,
			@Schema(example = "acme.shop") @Nullable String username,
			@Schema(description = "When the long-lived token expires; it is refreshed daily from 10 days before")
			@Nullable Instant tokenExpiresAt, @Schema(description = "false when the account existed and got a new token")
			boolean created,
			@Schema(description = "The webhook fields the account is subscribed to") List<String> subscribedFields) {
	}

}
