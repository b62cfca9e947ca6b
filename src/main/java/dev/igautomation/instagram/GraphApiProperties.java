package dev.igautomation.instagram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the Graph API is called.
 *
 * @param graphBaseUrl the Graph API's base URL
 * @param apiVersion the version path segment
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@Validated
@ConfigurationProperties("app.instagram")
record GraphApiProperties(@DefaultValue("https://graph.instagram.com") @NotNull URI graphBaseUrl,
		@DefaultValue("v25.0") @Pattern(regexp = "v\\d+\\.\\d+", message = "must look like v25.0") String apiVersion,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {
}
