package dev.igautomation.system;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * HTTP clients for calls leaving the service (CRMs, the Graph API, the AI endpoint): Apache HttpClient 5 with pooled
 * keep-alive connections, timeouts on connecting and on waiting for an answer, no redirects followed and no automatic
 * retries (each caller decides what a failure means), and every request body sent with its {@code Content-Length}.
 */
public final class HttpClientFactory {

	private HttpClientFactory() {
	}

	/**
	 * A client created at its first request rather than at start-up: HttpClient's classes and its connection pool
	 * are not needed before the service's first outgoing call, and loading them is start-up time.
	 */
	public static ClientHttpRequestFactory pooled(Duration connectTimeout, Duration readTimeout) {
		return new FixedLengthRequests(SingletonSupplier.of(() -> httpComponents(connectTimeout, readTimeout)));
	}

	private static ClientHttpRequestFactory httpComponents(Duration connectTimeout, Duration readTimeout) {
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

	/**
	 * Since Spring Framework 6.1 a request body is streamed, so HttpClient sends it chunked, with no
	 * {@code Content-Length}: legal, but many webhook receivers (simple CRMs, PHP/FastCGI and serverless front ends,
	 * Python's http.server) then read an empty body. Our bodies are small JSON or forms, so each is collected first and
	 * sent with its length. Unlike Spring's {@code BufferingClientHttpRequestFactory} (or
	 * {@code RestClient.Builder.bufferContent}), answers are not read into memory: a CRM's error page is read only as
	 * far as the caller wants.
	 */
	private static final class FixedLengthRequests implements ClientHttpRequestFactory {

		private final Supplier<ClientHttpRequestFactory> delegate;

		FixedLengthRequests(Supplier<ClientHttpRequestFactory> delegate) {
			this.delegate = delegate;
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
			return new FixedLengthRequest(delegate.get().createRequest(uri, method));
		}

	}

	private static final class FixedLengthRequest extends AbstractBufferingClientHttpRequest {

		private final ClientHttpRequest request;

		FixedLengthRequest(ClientHttpRequest request) {
			this.request = request;
		}

		@Override
		public HttpMethod getMethod() {
			return request.getMethod();
		}

		@Override
		public URI getURI() {
			return request.getURI();
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
			request.getHeaders().putAll(headers);
			if (body.length == 0 && !HttpMethod.POST.equals(getMethod()) && !HttpMethod.PUT.equals(getMethod())
					&& !HttpMethod.PATCH.equals(getMethod())) {
				request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
			}
			else {
				request.getHeaders().setContentLength(body.length);
				if (request instanceof StreamingHttpOutputMessage streaming) {
					streaming.setBody(out -> out.write(body));
				}
				else {
					request.getBody().write(body);
				}
			}
			return request.execute();
		}

	}

}
