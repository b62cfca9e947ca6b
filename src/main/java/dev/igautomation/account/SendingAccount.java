package dev.igautomation.account;

/**
 * What sending for an account needs. The token is decrypted: never log it.
 *
 * @param id the account's id
 * @param instagramAccountId its Instagram professional account id
 * @param accessToken its Instagram access token
 * @param tokenValid false once Meta rejected the token (error 190), until a new one is set
 * @param tokenError what Meta said when it rejected the token
 * @param messagingWindowEnforced whether sends are held to Meta's 24-hour window
 */
public record SendingAccount(String id, String instagramAccountId, String accessToken, boolean tokenValid,
		String tokenError, boolean messagingWindowEnforced) {

	@Override
	public String toString() {
		return "SendingAccount[id=" + id + ", tokenValid=" + tokenValid + "]";
	}

}
