package dev.igautomation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Sends webhook bodies as Meta does: signed with the app secret over the exact bytes sent. Fixtures are the payloads
 * in Meta's documented shapes under {@code src/test/resources/fixtures/meta}.
 */
public final class Webhooks {

	public static final String APP_SECRET = "test-app-secret";

	public static final String SECOND_APP_SECRET = "second-app-secret";

	/** The Instagram account id every fixture is addressed to. */
	public static final String FIXTURE_ACCOUNT = "17841405309211844";

	/** The user who writes in the fixtures. */
	public static final String FIXTURE_USER = "1914732468584811";

	private final Api api;

	public Webhooks(Api api) {
		this.api = api;
	}

	public static String fixture(String name) {
		try (InputStream in = Webhooks.class.getResourceAsStream("/fixtures/meta/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fixture addressed to another Instagram account id, and with its ids made unique by {@code suffix}. */
	public static String fixtureFor(String name, String instagramAccountId, String suffix) {
		return fixture(name).replace(FIXTURE_ACCOUNT, instagramAccountId)
			.replaceAll("(\"mid\": \"[^\"]+)\"", "$1" + suffix + "\"")
			.replaceAll("(\"id\": \"1786[0-9]+)\"", "$1" + suffix.replaceAll("\\D", "") + "\"");
	}

	public Api.Answer post(String body) {
		return post(body, signature(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
	}

	public Api.Answer post(String body, String signature) {
		return api.exchange(HttpMethod.POST, "/webhooks/instagram", null, body, headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			if (signature != null) {
				headers.set("X-Hub-Signature-256", signature);
			}
		});
	}

	public static String signature(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
