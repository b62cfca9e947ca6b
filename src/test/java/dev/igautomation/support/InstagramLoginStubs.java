package dev.igautomation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Instagram Login's hosts, on the Graph stub, answering one account's connect flow. */
public final class InstagramLoginStubs {

	private InstagramLoginStubs() {
	}

	public static void answer(String instagramId, String username, String shortToken, String longToken) {
		Stubs.graph().stubFor(post(urlPathEqualTo("/oauth-host/oauth/access_token"))
			.willReturn(okJson("{\"data\":[{\"access_token\":\"" + shortToken + "\",\"user_id\":\"" + instagramId
					+ "\",\"permissions\":\"instagram_business_basic,instagram_business_manage_messages\"}]}")));
		Stubs.graph().stubFor(get(urlPathEqualTo("/access_token"))
			.withQueryParam("grant_type", equalTo("ig_exchange_token"))
			.withQueryParam("access_token", equalTo(shortToken))
			.willReturn(okJson("{\"access_token\":\"" + longToken + "\",\"token_type\":\"bearer\","
					+ "\"expires_in\":5184000}")));
		Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/me"))
			.withHeader("Authorization", equalTo("Bearer " + longToken))
			.willReturn(okJson("{\"user_id\":\"" + instagramId + "\",\"username\":\"" + username + "\"}")));
		Stubs.graph().stubFor(post(urlPathEqualTo("/v25.0/me/subscribed_apps"))
			.withHeader("Authorization", equalTo("Bearer " + longToken))
			.withQueryParam("subscribed_fields", containing("comments"))
			.willReturn(okJson("{\"success\":true}")));
	}

}
