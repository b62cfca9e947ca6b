package dev.igautomation.system;

import dev.igautomation.support.Api;
import dev.igautomation.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static dev.igautomation.support.Api.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MetricsTests {

	@Autowired
	RestTestClient client;

	@Test
	void prometheusMetricsNeedAnApiKey() {
		Api api = new Api(client);

		Api.Answer scraped = api.get("/actuator/prometheus", ADMIN_KEY);
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.text()).contains("jvm_memory_used_bytes", "http_server_requests");

		assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
	}

}
