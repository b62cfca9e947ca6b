package dev.igautomation.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.igautomation.support.Api;
import dev.igautomation.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts API end to end over HTTP, run on H2 and on PostgreSQL.
 */
abstract class AccountApiTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CredentialCipher cipher;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(client);
	}

	@Test
	void createdAccountIsReadBackWithoutItsCredentials() {
		String instagramId = Api.randomInstagramId();
		Answer created = api.post("/api/v1/accounts", ADMIN_KEY, Map.of("instagram_account_id", instagramId,
				"username", "acme.shop", "access_token", "IGAAT-very-secret-token", "crm_webhook_url",
				"https://crm.example.com/hooks/instagram", "webhook_secret", "crm-shared-secret"));

		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/id");
		assertThat(id).matches("acc_[0-9a-z]{26}");
		assertThat(created.headers().getLocation()).hasToString("/api/v1/accounts/" + id);
		assertThat(created.at("/instagram_account_id")).isEqualTo(instagramId);
		assertThat(created.body().get("access_token_set").asBoolean()).isTrue();
		assertThat(created.body().get("webhook_secret_set").asBoolean()).isTrue();
		assertThat(created.text()).doesNotContain("IGAAT-very-secret-token", "crm-shared-secret")
			.doesNotContain("\"access_token\"", "\"webhook_secret\"");

		Answer read = api.get("/api/v1/accounts/" + id, ADMIN_KEY);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.at("/username")).isEqualTo("acme.shop");
		assertThat(read.at("/crm_webhook_url")).isEqualTo("https://crm.example.com/hooks/instagram");
		assertThat(read.text()).doesNotContain("IGAAT-very-secret-token", "crm-shared-secret");
	}

	@Test
	void credentialsAreStoredOnlyAsCiphertextBoundToTheirAccount() {
		String id = api.createAccount(ADMIN_KEY, Map.of("access_token", "IGAAT-plaintext-probe",
				"webhook_secret", "secret-plaintext-probe"));

		Map<String, Object> row = jdbc.queryForMap("select access_token, webhook_secret from account where id = ?",
				id);
		byte[] token = (byte[]) row.get("access_token");
		byte[] secret = (byte[]) row.get("webhook_secret");
		assertThat(new String(token, StandardCharsets.ISO_8859_1)).doesNotContain("IGAAT-plaintext-probe");
		assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("secret-plaintext-probe");
		assertThat(cipher.decrypt(token, Account.accessTokenContext(id))).isEqualTo("IGAAT-plaintext-probe");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> cipher.decrypt(token, Account.accessTokenContext("acc_other")))
			.isInstanceOf(CredentialsUnreadable.class);
	}

	@Test
	void validationNamesEveryBadField() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, Map.of("instagram_account_id", "17841x",
				"username", "not a username!", "access_token", "", "crm_webhook_url", "ftp://crm.example.com",
				"webhook_secret", "short"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.at("/code")).isEqualTo("validation_failed");
		List<String> fields = new ArrayList<>();
		answer.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("access_token", "crm_webhook_url", "instagram_account_id",
				"username", "webhook_secret");
	}

	@Test
	void missingFieldsAreNamed() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, Map.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.at("/detail")).contains("instagram_account_id", "username", "access_token");
	}

	@Test
	void crmUrlWithoutSecretIsRefused() {
		Answer answer = api.post("/api/v1/accounts", ADMIN_KEY, Map.of("instagram_account_id",
				Api.randomInstagramId(), "username", "acme", "access_token", "IGAAT-x", "crm_webhook_url",
				"https://crm.example.com/hooks"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().at("/errors/0/field").asString()).isEqualTo("webhook_secret");
	}

	@Test
	void secondAccountForTheSameInstagramAccountIsAConflict() {
		String instagramId = Api.randomInstagramId();
		api.createAccount(ADMIN_KEY, Map.of("instagram_account_id", instagramId));

		Answer again = api.post("/api/v1/accounts", ADMIN_KEY, Map.of("instagram_account_id", instagramId,
				"username", "again", "access_token", "IGAAT-other"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).isEqualTo("application/problem+json");
		assertThat(again.at("/code")).isEqualTo("instagram_account_taken");
	}

	@Test
	void listPagesThroughEveryAccount() {
		List<String> created = List.of(api.createAccount(ADMIN_KEY, Map.of()), api.createAccount(ADMIN_KEY, Map.of()),
				api.createAccount(ADMIN_KEY, Map.of()));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Answer page = api.get("/api/v1/accounts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN_KEY);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
			page.body().get("items").forEach(item -> seen.add(item.get("id").asString()));
			cursor = page.body().get("next_cursor").isNull() ? null : page.body().get("next_cursor").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(seen).containsAll(created).doesNotHaveDuplicates().isSorted();
		assertThat(pages).isGreaterThanOrEqualTo(2);
	}

	@Test
	void patchChangesOnlyTheFieldsSent() {
		String id = api.createAccount(ADMIN_KEY, Map.of("username", "before"));

		Answer renamed = api.patch("/api/v1/accounts/" + id, ADMIN_KEY, Map.of("username", "after"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.at("/username")).isEqualTo("after");
		assertThat(renamed.at("/crm_webhook_url")).isEqualTo("https://crm.example.com/hooks");

		Answer cleared = api.patch("/api/v1/accounts/" + id, ADMIN_KEY, Map.of("crm_webhook_url", ""));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.body().get("crm_webhook_url").isNull()).isTrue();
		assertThat(cleared.body().get("webhook_secret_set").asBoolean()).isFalse();
	}

	@Test
	void patchRejectsAnUnknownField() {
		String id = api.createAccount(ADMIN_KEY, Map.of());

		Answer answer = api.patch("/api/v1/accounts/" + id, ADMIN_KEY, Map.of("instagram_account_id", "1"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.at("/detail")).contains("instagram_account_id");
	}

	@Test
	void deletedAccountIsGone() {
		String id = api.createAccount(ADMIN_KEY, Map.of());

		assertThat(api.delete("/api/v1/accounts/" + id, ADMIN_KEY).status()).isEqualTo(204);

		Answer after = api.get("/api/v1/accounts/" + id, ADMIN_KEY);
		assertThat(after.status()).isEqualTo(404);
		assertThat(after.at("/code")).isEqualTo("account_not_found");
	}

}
