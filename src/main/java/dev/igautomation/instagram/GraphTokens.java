package dev.igautomation.instagram;

import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The Graph API's token endpoints, which have no version in their path: a short-lived Instagram Login token for a
 * long-lived one (60 days), and a long-lived one, at least 24 hours old, for a new one.
 */
interface GraphTokens {

	@GetExchange("/access_token")
	JsonNode exchange(@RequestParam("grant_type") String grantType, @RequestParam("client_secret") String clientSecret,
			@RequestParam("access_token") String shortLivedToken);

	@GetExchange("/refresh_access_token")
	JsonNode refresh(@RequestParam("grant_type") String grantType,
			@RequestParam("access_token") String longLivedToken);

}
