package dev.igautomation.security;

import java.util.HexFormat;
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
 * API keys end to end: shown once, stored hashed, scoped to accounts, revoked at once. Run on H2 and PostgreSQL.
 */
abstract class ApiKeyApiTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(client);
	}

	@Test
	void newKeyIsShownOnceAndStoredOnlyAsItsHash() {
		Answer created = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "crm"));

		assertThat(created.status()).isEqualTo(201);
		String key = created.at("/key");
		assertThat(key).matches("iga_[A-Za-z0-9]{10}_[A-Za-z0-9]{32}");
		assertThat(key).startsWith(created.at("/prefix"));

		Map<String, Object> row = jdbc.queryForMap("select * from api_key where id = ?", created.at("/id"));
		assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(key));
		assertThat(HexFormat.of().formatHex((byte[]) row.get("key_hash")))
			.isEqualTo(HexFormat.of().formatHex(ApiKeyTokens.hash(key)));

		Answer list = api.get("/api/v1/api-keys?limit=100", ADMIN_KEY);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).doesNotContain(key).contains(created.at("/prefix"));
		assertThat(api.get("/api/v1/accounts", key).status()).isEqualTo(200);
	}

	@Test
	void listShowsNameScopeAndLastUse() {
		String accountId = api.createAccount(ADMIN_KEY, Map.of());
		Answer created = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "scoped-list",
				"account_ids", List.of(accountId)));
		api.get("/api/v1/accounts", created.at("/key"));

		Answer list = api.get("/api/v1/api-keys?limit=100", ADMIN_KEY);
		var listed = findById(list, created.at("/id"));
		assertThat(listed.get("name").asString()).isEqualTo("scoped-list");
		assertThat(listed.get("account_ids").get(0).asString()).isEqualTo(accountId);
		assertThat(listed.get("created_at").isNull()).isFalse();
		assertThat(listed.get("last_used_at").isNull()).isFalse();
		assertThat(listed.has("key")).isFalse();
	}

	@Test
	void keyLimitedToAnAccountSeesEveryOtherAccountAsAbsent() {
		String mine = api.createAccount(ADMIN_KEY, Map.of());
		String other = api.createAccount(ADMIN_KEY, Map.of());
		String key = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "one-account",
				"account_ids", List.of(mine))).at("/key");

		assertThat(api.get("/api/v1/accounts/" + mine, key).status()).isEqualTo(200);
		Answer hidden = api.get("/api/v1/accounts/" + other, key);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.at("/code")).isEqualTo("account_not_found");
		assertThat(api.patch("/api/v1/accounts/" + other, key, Map.of("username", "x")).status()).isEqualTo(404);
		Answer list = api.get("/api/v1/accounts?limit=100", key);
		assertThat(list.body().get("items")).hasSize(1);
		assertThat(list.body().at("/items/0/id").asString()).isEqualTo(mine);
		assertThat(api.post("/api/v1/accounts", key, Map.of("instagram_account_id", Api.randomInstagramId(),
				"username", "new", "access_token", "IGAAT-x")).status()).isEqualTo(403);
	}

	@Test
	void revokedKeyIsRefusedAtOnce() {
		Answer created = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "to-revoke"));
		String key = created.at("/key");
		assertThat(api.get("/api/v1/accounts", key).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/api-keys/" + created.at("/id"), ADMIN_KEY).status()).isEqualTo(204);

		Answer refused = api.get("/api/v1/accounts", key);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(api.delete("/api/v1/api-keys/" + created.at("/id"), ADMIN_KEY).status()).isEqualTo(404);
	}

	@Test
	void missingOrWrongKeyIs401WithBearerChallenge() {
		Answer missing = api.get("/api/v1/accounts", null);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(missing.at("/code")).isEqualTo("unauthorized");

		Answer wrong = api.get("/api/v1/accounts", "iga_AAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.headers().getFirst("WWW-Authenticate")).contains("invalid_token");

		assertThat(api.get("/api/v1/accounts", ADMIN_KEY + "x").status()).isEqualTo(401);
	}

	@Test
	void onlyAdminKeysManageKeys() {
		String key = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "not-admin")).at("/key");

		Answer refused = api.post("/api/v1/api-keys", key, Map.of("name", "escalate", "admin", true));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(api.get("/api/v1/api-keys", key).status()).isEqualTo(403);
	}

	@Test
	void keyCannotBeLimitedToAccountsThatDoNotExist() {
		Answer answer = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "ghost",
				"account_ids", List.of("acc_01aaaaaaaaaaaaaaaaaaaaaaaa")));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.at("/detail")).contains("acc_01aaaaaaaaaaaaaaaaaaaaaaaa");
	}

	private static tools.jackson.databind.JsonNode findById(Answer list, String id) {
		for (var item : list.body().get("items")) {
			if (item.get("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("Key " + id + " is not listed: " + list.text());
	}

}
