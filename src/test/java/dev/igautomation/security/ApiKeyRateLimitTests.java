package dev.igautomation.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.igautomation.support.Api;
import dev.igautomation.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API key has its own rate: over it, 429 with Retry-After, while other keys go on.
 */
@IntegrationTest
@TestPropertySource(properties = { "app.security.rate-limit.requests-per-second=1", "app.security.rate-limit.burst=3" })
class ApiKeyRateLimitTests {

	@Autowired
	RestTestClient client;

	@Test
	void keyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() throws Exception {
		Api api = new Api(client);
		String key = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "busy")).at("/key");
		String other = api.post("/api/v1/api-keys", ADMIN_KEY, Map.of("name", "calm")).at("/key");

		api.get("/api/v1/accounts", other);
		List<Api.Answer> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Api.Answer>> calls = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				calls.add(() -> api.get("/api/v1/accounts", key));
			}
			for (Future<Api.Answer> answer : pool.invokeAll(calls)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdown();
		}

		List<Integer> statuses = answers.stream().map(Api.Answer::status).toList();
		assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(3L, 5L);
		assertThat(statuses).containsOnly(200, 429);
		Api.Answer limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
		assertThat(limited.contentType()).isEqualTo("application/problem+json");
		assertThat(limited.at("/code")).isEqualTo("rate_limited");
		assertThat(Integer.parseInt(limited.headers().getFirst("Retry-After"))).isBetween(1, 2);
		assertThat(api.get("/api/v1/accounts", other).status()).isEqualTo(200);
	}

}
