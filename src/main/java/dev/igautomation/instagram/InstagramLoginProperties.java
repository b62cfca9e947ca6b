package dev.igautomation.instagram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instagram Login (connecting accounts) and the token lifecycle; its client_secret is the first of
 * {@link dev.igautomation.system.AppSecrets}.
 *
 * @param appId the Instagram app id (client_id)
 * @param oauthBaseUrl where authorization codes are exchanged for tokens
 * @param authorizeUrl Instagram's authorization page
 * @param redirectUri the callback registered with Meta; by default this service's {@code /connect/instagram/callback}
 * as reached by the operator
 * @param refreshBefore how long before its expiry a long-lived token is refreshed
 */
@ConfigurationProperties("app.instagram")
record InstagramLoginProperties(String appId,
		@DefaultValue("https://api.instagram.com") URI oauthBaseUrl,
		@DefaultValue("https://www.instagram.com/oauth/authorize") URI authorizeUrl, URI redirectUri,
		@DefaultValue("10d") Duration refreshBefore) {

}
