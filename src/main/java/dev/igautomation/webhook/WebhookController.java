package dev.igautomation.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.system.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook endpoint: the subscription handshake, and deliveries, each acknowledged only once every event in it
 * is stored.
 */
@RestController
@RequestMapping("/webhooks/instagram")
@Tag(name = "Meta webhooks", description = "Called by Meta, not by you: configure this URL in Meta's app dashboard.")
class WebhookController {

	private final WebhookProperties properties;

	private final SignatureVerifier signatures;

	private final MetaWebhookParser parser;

	private final InboundEvents inbound;

	WebhookController(WebhookProperties properties, SignatureVerifier signatures, MetaWebhookParser parser,
			InboundEvents inbound) {
		this.properties = properties;
		this.signatures = signatures;
		this.parser = parser;
		this.inbound = inbound;
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(operationId = "verifyWebhookSubscription", summary = "Subscription handshake",
			description = "Answers hub.challenge when hub.verify_token is the configured FACEBOOK_VERIFY_TOKEN.",
			security = {})
	@ErrorAnswer(status = 403, code = "verification_failed", description = "The verify token does not match.")
	String verify(@Parameter(example = "subscribe") @RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@Parameter(example = "1158201444") @RequestParam(name = "hub.challenge", required = false) String challenge) {
		String expected = properties.verifyToken();
		if (expected == null || expected.isBlank()) {
			throw new HandshakeRefused("No verify token is configured: set FACEBOOK_VERIFY_TOKEN to the token entered "
					+ "in Meta's app dashboard.");
		}
		if (!"subscribe".equals(mode) || token == null || challenge == null || !MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
			throw new HandshakeRefused("hub.mode must be 'subscribe' and hub.verify_token the configured token.");
		}
		return challenge;
	}

	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "receiveWebhook", summary = "Receive events",
			description = "Checks X-Hub-Signature-256 over the raw body, stores every event once, then answers 200. "
					+ "Redeliveries are recognised and add nothing.",
			security = {}, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					description = "Meta's payload, signed over its exact bytes", content = @Content(
							mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
									example = "{\"object\": \"instagram\", \"entry\": [{\"id\": \"17841405309211844\", "
											+ "\"time\": 1763800001023, \"messaging\": []}]}"))))
	@ErrorAnswer(status = 401, code = "invalid_signature",
			description = "X-Hub-Signature-256 is missing or does not match; nothing is stored.")
	@ErrorAnswer(status = 400, code = "malformed_payload", description = "A correctly signed body that is not JSON.")
	@ErrorAnswer(status = 413, code = "body_too_large", description = "The body is over 1 MiB.")
	Acknowledgement receive(
			@Parameter(description = "sha256=<hex HMAC-SHA256 of the body with the app secret>",
					example = "sha256=4f2b...") @RequestHeader(name = "X-Hub-Signature-256",
							required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		byte[] bytes = body == null ? new byte[0] : body;
		signatures.verify(bytes, signature);
		InboundEvents.Recorded recorded = inbound.record(parser.parse(bytes));
		return new Acknowledgement(recorded.received(), recorded.stored());
	}

	record Acknowledgement(@Schema(description = "Events in the body", example = "2") int received,
			@Schema(description = "Events not stored before (the rest were redeliveries)", example = "2") int stored) {
	}

}
