package dev.igautomation.account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCipherTests {

	private static final String OLD_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	private final MockEnvironment development = new MockEnvironment().withProperty("app.environment", "development");

	@Test
	void encryptsWithAFreshNonceAndDecryptsWithTheSameContext() {
		CredentialCipher cipher = cipher(List.of(OLD_KEY), null);

		byte[] first = cipher.encrypt("IGAAT-token", "account/acc_1/access_token");
		byte[] second = cipher.encrypt("IGAAT-token", "account/acc_1/access_token");

		assertThat(first).isNotEqualTo(second);
		assertThat(cipher.decrypt(first, "account/acc_1/access_token")).isEqualTo("IGAAT-token");
		assertThatExceptionOfType(CredentialsUnreadable.class)
			.isThrownBy(() -> cipher.decrypt(first, "account/acc_2/access_token"));
	}

	@Test
	void rotatedKeyStillDecryptsWhatTheOldOneEncrypted() {
		byte[] underOldKey = cipher(List.of(OLD_KEY), null).encrypt("secret", "ctx");

		CredentialCipher rotated = cipher(List.of(NEW_KEY, OLD_KEY), null);

		assertThat(rotated.decrypt(underOldKey, "ctx")).isEqualTo("secret");
		byte[] underNewKey = rotated.encrypt("secret", "ctx");
		assertThatExceptionOfType(CredentialsUnreadable.class)
			.isThrownBy(() -> cipher(List.of(OLD_KEY), null).decrypt(underNewKey, "ctx"))
			.withMessageContaining("APP_ENCRYPTION_KEY");
	}

	@Test
	void keyOfTheWrongSizeIsRefusedWithHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> cipher(List.of("c2hvcnQ="), null))
			.withMessageContaining("openssl rand -base64 32");
	}

	@Test
	void withoutAKeyOneIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data/encryption.key");
		byte[] ciphertext = cipher(List.of(), file).encrypt("kept", "ctx");

		assertThat(file).exists();
		assertThat(Files.readString(file).trim()).hasSize(44);
		assertThat(cipher(List.of(), file).decrypt(ciphertext, "ctx")).isEqualTo("kept");
	}

	@Test
	void productionNeverGeneratesAKey(@TempDir Path dir) {
		MockEnvironment production = new MockEnvironment().withProperty("app.environment", "production");

		assertThatIllegalStateException()
			.isThrownBy(() -> new CredentialCipher(new CredentialProperties(List.of(), dir.resolve("k")), production));
		assertThat(dir.resolve("k")).doesNotExist();
	}

	private CredentialCipher cipher(List<String> keys, Path file) {
		return new CredentialCipher(new CredentialProperties(keys, file), development);
	}

}
