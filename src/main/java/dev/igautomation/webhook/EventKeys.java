package dev.igautomation.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.system.Sha256;

/**
 * What recognises an event when Meta delivers it again: its own id where it has one ({@code message:<mid>},
 * {@code comment:<id>}), otherwise a hash of its content. Never the time it arrived, which differs between
 * deliveries, and never a missing id, which all such events would share.
 */
final class EventKeys {

	private static final int MAX_LENGTH = 512;

	private final JsonMapper canonical;

	EventKeys(JsonMapper json) {
		this.canonical = json.rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
	}

	/** {@code prefix:id} when the event has an id of its own, otherwise its content's key. */
	String of(String prefix, String id, String accountId, JsonNode event) {
		return id == null || id.isBlank() ? content(prefix, accountId, event) : bounded(prefix + ":" + id);
	}

	/**
	 * {@code prefix:<sha-256>} of the account and the event's JSON with its properties sorted, so the same event
	 * gets the same key however its properties are ordered.
	 */
	String content(String prefix, String accountId, JsonNode event) {
		MessageDigest digest = Sha256.digest();
		digest.update(String.valueOf(accountId).getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(canonical.writeValueAsBytes(event));
		return prefix + ":" + HexFormat.of().formatHex(digest.digest());
	}

	/** Keeps a key within its column: one made of an unusually long id becomes its hash. */
	private static String bounded(String key) {
		if (key.length() <= MAX_LENGTH) {
			return key;
		}
		return "sha256:" + Sha256.hex(key);
	}

}
