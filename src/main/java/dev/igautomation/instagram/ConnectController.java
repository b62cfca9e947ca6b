package dev.igautomation.instagram;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.ProblemException;
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
 * {@code GET /connect/instagram} (admin key) or from the console, is sent to Instagram to authorize the app, and
 * Instagram sends them back to the callback, which exchanges the code for a long-lived token, adds or updates the
 * account, and subscribes it to the webhook fields this service handles. A flow started from the console ends back
 * in the console, on the account's page (or the accounts page saying what failed).
 */
@RestController
@Tag(name = "Connecting accounts", description = "Instagram Login (Instagram API with Instagram Login)")
class ConnectController {

	static final String CALLBACK = "/connect/instagram/callback";

	private final InstagramConnections connections;

	ConnectController(InstagramConnections connections) {
		this.connections = connections;
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
		URI authorize = connections.authorizeUrl(callbackUri(), false);
		return ResponseEntity.status(HttpStatus.FOUND).location(authorize).body(new AuthorizeAnswer(authorize));
	}

	@GetMapping(CALLBACK)
	@Operation(operationId = "finishInstagramLogin", summary = "Instagram Login's callback", description = """
			Where Instagram sends the operator back. Exchanges the code for a short-lived and then a long-lived (60 \
			days) token, reads the account's id and username, adds the account or updates its token, and subscribes \
			it to the webhook fields this service handles. A flow started from the console answers 303 to the \
			console instead.""")
	@ErrorAnswer(status = 400, code = "invalid_state",
			description = "The flow was not started here in the last 10 minutes; or instagram_login_refused.")
	@ErrorAnswer(status = 502, code = "instagram_login_failed", description = "Meta refused a step of the exchange.")
	ResponseEntity<ConnectedAnswer> callback(@RequestParam(required = false) String code,
			@RequestParam(required = false) String state,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			@RequestParam(required = false) String error) {
		boolean fromConsole = connections.fromConsole(state);
		InstagramConnections.Connected connected;
		try {
			connected = connections.complete(code, state, errorDescription != null ? errorDescription : error,
					callbackUri());
		}
		catch (ProblemException ex) {
			if (fromConsole) {
				return seeOther(UriComponentsBuilder.fromPath("/accounts").queryParam("connect", ex.code()).build()
					.toUri());
			}
			throw ex;
		}
		if (fromConsole) {
			return seeOther(URI.create("/accounts/" + connected.account().id() + "?connected"));
		}
		return ResponseEntity.ok(new ConnectedAnswer(connected.account().id(), connected.account().instagramAccountId(),
				connected.account().username(), connected.account().tokenExpiresAt(), connected.account().created(),
				connected.subscribedFields()));
	}

	private static ResponseEntity<ConnectedAnswer> seeOther(URI location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
	}

	/** This service's callback as the operator reaches it (forwarded headers honoured). */
	static String callbackUri() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
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
