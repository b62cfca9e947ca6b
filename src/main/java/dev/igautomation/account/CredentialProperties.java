package dev.igautomation.account;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for credentials at rest.
 *
 * @param encryptionKey base64 AES-256 keys (32 bytes each), comma-separated: the first encrypts, all decrypt, so a key
 * can be rotated by putting the new one first; from {@code APP_ENCRYPTION_KEY}
 * @param generatedKeyFile where a key is generated and kept when none is set (never in production)
 */
@ConfigurationProperties("app.security")
record CredentialProperties(List<String> encryptionKey,
		@DefaultValue("./data/encryption.key") Path generatedKeyFile) {

	CredentialProperties {
		encryptionKey = encryptionKey == null ? List.of()
				: encryptionKey.stream().map(String::trim).filter(key -> !key.isEmpty()).toList();
	}

}
