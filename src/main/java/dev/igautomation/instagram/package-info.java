/**
 * The Instagram Graph API client: sending messages, reading profiles and tokens, and telling which errors a retry
 * can help.
 */
package dev.igautomation.instagram;
