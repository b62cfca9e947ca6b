package dev.igautomation.console;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.igautomation.operator.OperatorLogins;
import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.support.Api;
import dev.igautomation.support.TestAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The console as a test sees it: MockMvc over the running application's own context (so no extra context starts),
 * with Spring Security's filters; two accounts; an admin, an agent of the first account and an agent of the second.
 */
final class ConsoleFixture {

	static final String PASSWORD = "a-long-test-password";

	final MockMvcTester mvc;

	final TestAccounts account;

	final TestAccounts otherAccount;

	final Operator admin;

	final Operator agent;

	final Operator otherAgent;

	private final OperatorLogins logins;

	ConsoleFixture(WebApplicationContext context, Api api, Operators operators, OperatorLogins logins) {
		this.mvc = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build());
		this.logins = logins;
		this.account = TestAccounts.create(api);
		this.otherAccount = TestAccounts.create(api);
		this.admin = operator(operators, Operator.Role.ADMIN, Set.of());
		this.agent = operator(operators, Operator.Role.AGENT, Set.of(account.id()));
		this.otherAgent = operator(operators, Operator.Role.AGENT, Set.of(otherAccount.id()));
	}

	static Operator operator(Operators operators, Operator.Role role, Set<String> accounts) {
		String email = role.value() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Operators.Invited invited = operators.invite(email, role.value() + " tester", role, accounts);
		return operators.choosePassword(invited.token(), PASSWORD);
	}

	/** Signs the request in as the operator, as the login form would. */
	RequestPostProcessor as(Operator operator) {
		UserDetails details = logins.loadUserByUsername(operator.email());
		return user(details);
	}

	/** The account pages, for the account given. */
	static Map<String, String> accountPages(String accountId) {
		return Map.of("account", "/accounts/" + accountId, "rules", "/accounts/" + accountId + "/rules",
				"new rule", "/accounts/" + accountId + "/rules/new", "analytics",
				"/accounts/" + accountId + "/analytics", "deliveries", "/accounts/" + accountId + "/deliveries",
				"sends", "/accounts/" + accountId + "/sends");
	}

}
