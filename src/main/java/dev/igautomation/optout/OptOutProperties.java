package dev.igautomation.optout;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The words that opt a user out of automated messages and back in, and the replies that confirm each.
 *
 * @param stopWords a message that is exactly one of these (case and surrounding spaces ignored) opts the user out
 * @param startWords a message that is exactly one of these opts the user back in
 * @param stopConfirmation the one reply sent when a user opts out
 * @param startConfirmation the one reply sent when a user opts back in
 */
@Validated
@ConfigurationProperties("app.optout")
record OptOutProperties(@DefaultValue({ "STOP", "UNSUBSCRIBE" }) @NotEmpty List<String> stopWords,
		@DefaultValue("START") @NotEmpty List<String> startWords,
		@DefaultValue("You will get no more automated messages from us. Write START to get them again.")
		@NotBlank String stopConfirmation,
		@DefaultValue("Welcome back: automated messages are on again. Write STOP to turn them off.")
		@NotBlank String startConfirmation) {
}
