package dev.igautomation.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.system.AppSecrets;
import org.springframework.stereotype.Component;

/**
 * Reads Meta's {@code signed_request}: {@code <base64url signature>.<base64url JSON payload>}, the signature an
 * HMAC-SHA256 of the encoded payload under the app secret, compared in constant time against each configured secret.
 */
@Component
class SignedRequests {

	private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

	private final AppSecrets secrets;

	private final JsonMapper json;

	SignedRequests(AppSecrets secrets, JsonMapper json) {
		this.secrets = secrets;
		this.json = json;
	}

	/** The user id of a verified request; throws {@link InvalidSignedRequest} saying what is wrong otherwise. */
	String userId(String signedRequest) {
		if (secrets.isEmpty()) {
			throw new InvalidSignedRequest("No app secret is configured, so no signed_request can be verified: set "
					+ "INSTAGRAM_APP_SECRET.");
		}
		int dot = signedRequest.indexOf('.');
		if (dot <= 0 || dot == signedRequest.length() - 1) {
			throw new InvalidSignedRequest("signed_request must be '<signature>.<payload>', both base64url.");
		}
		String encodedPayload = signedRequest.substring(dot + 1);
		byte[] claimed = decode(signedRequest.substring(0, dot));
		if (!secrets.signed(encodedPayload.getBytes(StandardCharsets.US_ASCII), claimed)) {
			throw new InvalidSignedRequest("The signature of signed_request does not match under any app secret.");
		}
		JsonNode payload;
		try {
			payload = json.readTree(decode(encodedPayload));
		}
		catch (JacksonException ex) {
			throw new InvalidSignedRequest("The payload of signed_request is not JSON.");
		}
		if (!"HMAC-SHA256".equalsIgnoreCase(payload.path("algorithm").asString(""))) {
			throw new InvalidSignedRequest("signed_request must be signed with HMAC-SHA256.");
		}
		String userId = payload.path("user_id").asString("");
		if (!userId.matches("\\d{1,32}")) {
			throw new InvalidSignedRequest("The payload of signed_request has no user_id.");
		}
		return userId;
	}

	private static byte[] decode(String base64url) {
		try {
			return BASE64URL.decode(base64url.replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSignedRequest("signed_request must be '<signature>.<payload>', both base64url.");
		}
	}

}
