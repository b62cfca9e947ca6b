package dev.igautomation.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts credentials at rest with AES-256-GCM through Google Tink, which picks a fresh nonce per message and
 * authenticates the ciphertext. Each ciphertext is bound to its row and column through the associated data, so a
 * ciphertext copied to another account does not decrypt. Tink's key-id prefix lets several keys decrypt while the
 * first encrypts, for rotation.
 */
@Component
class CredentialCipher {

	private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);

	private static final int KEY_BYTES = 32;

	private final Aead aead;

	CredentialCipher(CredentialProperties properties, Environment environment) {
		this.aead = aeadFor(keysFrom(properties, environment));
	}

	byte[] encrypt(String plaintext, String associatedData) {
		try {
			return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					associatedData.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a credential", ex);
		}
	}

	String decrypt(byte[] ciphertext, String associatedData) {
		try {
			return new String(aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new CredentialsUnreadable();
		}
	}

	private static List<byte[]> keysFrom(CredentialProperties properties, Environment environment) {
		if (!properties.encryptionKey().isEmpty()) {
			return properties.encryptionKey().stream().map(CredentialCipher::decodeKey).toList();
		}
		if ("production".equalsIgnoreCase(environment.getProperty("app.environment", ""))) {
			throw new IllegalStateException("APP_ENCRYPTION_KEY is required in production.");
		}
		return List.of(decodeKey(readOrGenerate(properties.generatedKeyFile())));
	}

	private static String readOrGenerate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			byte[] key = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(key);
			String encoded = Base64.getEncoder().encodeToString(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, encoded + "\n");
			restrictToOwner(file);
			log.warn("No APP_ENCRYPTION_KEY was set: generated one in {}. Keep that file with the database; "
					+ "set APP_ENCRYPTION_KEY to its content to run elsewhere.", file.toAbsolutePath().normalize());
			return encoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the encryption key file " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.debug("Could not restrict the permissions of {}", file, ex);
		}
	}

	private static byte[] decodeKey(String encoded) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("APP_ENCRYPTION_KEY must be base64 (e.g. from `openssl rand -base64 32`).");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("APP_ENCRYPTION_KEY must decode to 32 bytes (AES-256); it decodes to "
					+ key.length + ". Make one with `openssl rand -base64 32`.");
		}
		return key;
	}

	private static Aead aeadFor(List<byte[]> keys) {
		try {
			AeadConfig.register();
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(KEY_BYTES)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.TINK)
				.build();
			KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
			for (int i = 0; i < keys.size(); i++) {
				AesGcmKey key = AesGcmKey.builder()
					.setParameters(parameters)
					.setKeyBytes(SecretBytes.copyFrom(keys.get(i), InsecureSecretKeyAccess.get()))
					.setIdRequirement(keyIdOf(keys.get(i)))
					.build();
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(key);
				if (i == 0) {
					entry.makePrimary();
				}
				keyset.addEntry(entry);
			}
			return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not set up credential encryption", ex);
		}
	}

	/** A stable id per key, so ciphertexts name the key they need across restarts. */
	private static int keyIdOf(byte[] key) throws GeneralSecurityException {
		return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key)).getInt();
	}

}
