package dev.igautomation.instagram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import dev.igautomation.system.AppSecrets;
import dev.igautomation.system.HmacSha256;
import org.springframework.stereotype.Component;

/**
 * The {@code state} of the Instagram Login redirect: a random nonce and an expiry, signed with the app secret, so the
 * callback only completes flows this service started (no cross-site request forgery), within 10 minutes.
 */
@Component
class ConnectState {

	static final Duration VALIDITY = Duration.ofMinutes(10);

	private static final String CONSOLE = ".console";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final AppSecrets secrets;

	private final Clock clock;

	ConnectState(AppSecrets secrets, Clock clock) {
		this.secrets = secrets;
		this.clock = clock;
	}

	/** A new state; one for a flow started from the console says so (under the signature, so it cannot be forged). */
	String issue(boolean fromConsole) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		String value = clock.instant().plus(VALIDITY).getEpochSecond() + "." + HexFormat.of().formatHex(nonce)
				+ (fromConsole ? CONSOLE : "");
		return value + "." + BASE64URL.encodeToString(sign(value));
	}

	/** Whether this service issued the state for a flow started from the console, expired or not. */
	boolean fromConsole(String state) {
		if (state == null || secrets.primary() == null || state.lastIndexOf('.') <= 0) {
			return false;
		}
		String value = state.substring(0, state.lastIndexOf('.'));
		return value.endsWith(CONSOLE) && signedHere(state);
	}

	/** Whether this service issued the state, less than 10 minutes ago. */
	boolean valid(String state) {
		if (state == null || secrets.primary() == null) {
			return false;
		}
		int last = state.lastIndexOf('.');
		if (last <= 0) {
			return false;
		}
		String value = state.substring(0, last);
		if (!signedHere(state)) {
			return false;
		}
		try {
			long expires = Long.parseLong(value.substring(0, value.indexOf('.')));
			return clock.instant().isBefore(Instant.ofEpochSecond(expires));
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			return false;
		}
	}

	private boolean signedHere(String state) {
		int last = state.lastIndexOf('.');
		byte[] claimed = state.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(BASE64URL.encodeToString(sign(state.substring(0, last)))
			.getBytes(StandardCharsets.US_ASCII), claimed);
	}

	private byte[] sign(String value) {
		return HmacSha256.sign(("connect-state:" + secrets.primary()).getBytes(StandardCharsets.UTF_8),
				value.getBytes(StandardCharsets.UTF_8));
	}

}
