package dev.igautomation.account;

/**
 * The shapes an account's fields must have, shared by the API's requests and the console's forms so that both refuse
 * the same input with the same words.
 */
public final class AccountFields {

	public static final String INSTAGRAM_ID = "\\d{1,32}";

	public static final String INSTAGRAM_ID_MESSAGE = "must be digits only";

	public static final String USERNAME = "[A-Za-z0-9._]{1,30}";

	public static final String USERNAME_MESSAGE = "must be 1 to 30 letters, digits, periods or underscores";

	public static final String SECRET_MESSAGE = "must be 8 to 512 characters";

	private AccountFields() {
	}

}
