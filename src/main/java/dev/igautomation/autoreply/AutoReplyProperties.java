package dev.igautomation.autoreply;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How auto-replies behave.
 *
 * @param humanPause how long auto-replies stay off for a user after a person at the business wrote to them
 * @param regexTimeout the longest one rule's regular expression may run against one message; past it, the rule does
 * not match
 * @param profileTtl how long a user's username and name are remembered
 * @param profileFailureTtl how long a profile that could not be fetched is not asked for again
 * @param privateRepliesPerHour the most private replies to comments one account sends in an hour (Meta's limit)
 * @param recoveredWithin how young a message recovered from the Conversations API (one no webhook delivered) must be
 * for the rules to answer it, if no one has answered it yet; older ones are only stored and forwarded
 */
@Validated
@ConfigurationProperties("app.autoreply")
record AutoReplyProperties(@DefaultValue("1h") @NotNull Duration humanPause,
		@DefaultValue("50ms") @NotNull Duration regexTimeout, @DefaultValue("1h") @NotNull Duration profileTtl,
		@DefaultValue("5m") @NotNull Duration profileFailureTtl,
		@DefaultValue("750") @Min(1) int privateRepliesPerHour,
		@DefaultValue("10m") @NotNull Duration recoveredWithin) {
}
