/**
 * Opt-out: the users who wrote STOP to an account and so receive no automated message from it until they write
 * START; told to other features by {@link dev.igautomation.optout.ContactOptedOut} and
 * {@link dev.igautomation.optout.ContactOptedIn}.
 */
package dev.igautomation.optout;
