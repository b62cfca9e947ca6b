package dev.igautomation.system;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * HTTP clients for calls leaving the service (CRMs, the Graph API): Apache HttpClient 5 with pooled keep-alive
 * connections, timeouts on connecting and on waiting for an answer, no redirects followed and no automatic retries
 * (each caller decides what a failure means).
 */
public final class HttpClientFactory {

	private HttpClientFactory() {
	}

	public static ClientHttpRequestFactory pooled(Duration connectTimeout, Duration readTimeout) {
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(200)
			.setMaxConnPerRoute(50)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(connectTimeout))
				.setSocketTimeout(Timeout.of(readTimeout))
				.setTimeToLive(TimeValue.ofMinutes(5))
				.build())
			.build();
		CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
		return new HttpComponentsClientHttpRequestFactory(client);
	}

}
