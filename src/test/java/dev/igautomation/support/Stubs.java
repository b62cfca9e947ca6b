package dev.igautomation.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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

	public static synchronized WireMockServer graph() {
		if (graph == null) {
			graph = start();
		}
		return graph;
	}

	public static synchronized WireMockServer crm() {
		if (crm == null) {
			crm = start();
		}
		return crm;
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
