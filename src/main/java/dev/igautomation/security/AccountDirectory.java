package dev.igautomation.security;

/**
 * Tells whether an account exists, so that a key is only ever limited to real accounts. Implemented by the account
 * feature, which itself depends on this one.
 */
public interface AccountDirectory {

	boolean exists(String accountId);

}
