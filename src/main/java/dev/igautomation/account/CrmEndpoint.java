package dev.igautomation.account;

/**
 * Where an account's events go, and the secret that signs them. Never logged, never returned by the API.
 */
public record CrmEndpoint(String url, String webhookSecret) {

	@Override
	public String toString() {
		return "CrmEndpoint[url=" + url + ", webhookSecret=<hidden>]";
	}

}
