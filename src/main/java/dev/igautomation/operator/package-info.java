/**
 * Operators: the people who use the console, their roles ({@code admin}, {@code agent}) and assigned accounts,
 * password hashes, one-time links (first setup, invitations, resets), and the lock on repeated failed logins.
 */
package dev.igautomation.operator;
