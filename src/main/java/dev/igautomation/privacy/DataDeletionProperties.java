package dev.igautomation.privacy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app secrets that sign Meta's {@code signed_request}: the same as the webhooks' ({@code app.instagram.app-secret}).
 */
@ConfigurationProperties("app.instagram")
record DataDeletionProperties(List<String> appSecret) {

	DataDeletionProperties {
		appSecret = appSecret == null ? List.of()
				: appSecret.stream().map(String::trim).filter(secret -> !secret.isEmpty()).toList();
	}

}
