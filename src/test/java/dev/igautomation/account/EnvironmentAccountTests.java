package dev.igautomation.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The earlier version's environment names configure a default account at start-up.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:environment-account;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
		"app.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "ADMIN_API_KEY=legacy-admin",
		"INSTAGRAM_BUSINESS_ACCOUNT_ID=17841499999999999", "INSTAGRAM_PAGE_ACCESS_TOKEN=IGAAT-from-environment",
		"CRM_WEBHOOK_URL=https://crm.example.com/legacy", "CRM_WEBHOOK_SECRET=legacy-crm-secret" })
class EnvironmentAccountTests {

	@Autowired
	Accounts accounts;

	@Autowired
	AccountCredentials credentials;

	@Test
	void defaultAccountIsCreatedFromTheEarlierEnvironmentNames() {
		AccountSummary account = accounts.findByInstagramAccountId("17841499999999999").orElseThrow();

		assertThat(account.username()).isEqualTo("ig_17841499999999999");
		assertThat(account.forwardsToCrm()).isTrue();
		assertThat(credentials.sendingAccount(account.id()).accessToken()).isEqualTo("IGAAT-from-environment");
		assertThat(credentials.crmEndpoint(account.id())).get()
			.satisfies(endpoint -> {
				assertThat(endpoint.url()).isEqualTo("https://crm.example.com/legacy");
				assertThat(endpoint.webhookSecret()).isEqualTo("legacy-crm-secret");
				assertThat(endpoint.toString()).doesNotContain("legacy-crm-secret");
			});
	}

}
