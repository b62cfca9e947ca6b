/**
 * Auto-replies: per-account rules that answer users' messages by keyword, regex or default, personalised from the
 * user's profile, sent through the outbound pipeline once per triggering event, and paused for a user while a
 * person at the business talks to them.
 */
package dev.igautomation.autoreply;
