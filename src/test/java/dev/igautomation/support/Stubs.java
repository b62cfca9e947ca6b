package dev.igautomation.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock servers standing in for the outside world over real HTTP, one of each for the whole test run: the
 * Instagram Graph API, and CRMs (each test gives its accounts their own path on the CRM server, so that jobs left
 * over from one test never land in another's counts).
 */
public final class Stubs {

	private static WireMockServer graph;

	private static WireMockServer crm;

	private Stubs() {
	}

	/**
	 * The Graph API. Unless a test says otherwise for its account's token, every account has no conversations (so
	 * the history import that follows adding an account finds nothing) and is subscribed to every webhook field.
	 */
	public static synchronized WireMockServer graph() {
		if (graph == null) {
			graph = start();
			graph.stubFor(get(urlPathEqualTo("/v25.0/me/conversations")).atPriority(100)
				.willReturn(okJson("{\"data\":[]}")));
			graph.stubFor(get(urlPathEqualTo("/v25.0/me/subscribed_apps")).atPriority(100)
				.willReturn(okJson("""
						{"data":[{"subscribed_fields":["messages","messaging_postbacks","messaging_seen",
						"messaging_referral","message_reactions","comments"]}]}""")));
		}
		return graph;
	}

	public static synchronized WireMockServer crm() {
		if (crm == null) {
			crm = start();
		}
		return crm;
	}

	/**
	 * Checks that a request the service sent came with its body's {@code Content-Length}, not chunked: many webhook
	 * receivers (simple CRMs, PHP/FastCGI and serverless front ends, Python's http.server) read no body otherwise.
	 */
	public static LoggedRequest assertFixedLength(LoggedRequest request) {
		String name = request.getMethod() + " " + request.getUrl();
		assertThat(request.containsHeader("Transfer-Encoding")).as(name + " is not chunked").isFalse();
		assertThat(request.getHeader("Content-Length")).as(name + " has a Content-Length")
			.isEqualTo(String.valueOf(request.getBody().length));
		return request;
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.containerThreads(40)
			.jettyAcceptors(2)
			.asynchronousResponseEnabled(false));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
