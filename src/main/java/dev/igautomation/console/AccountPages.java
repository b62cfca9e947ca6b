package dev.igautomation.console;

import java.time.Clock;

import jakarta.validation.Valid;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.instagram.InstagramConnections;
import dev.igautomation.operator.Operator;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts: the list, adding one by hand, and an account's page with its token and CRM settings. Agents see the
 * accounts assigned to them, read-only.
 */
@Controller
class AccountPages {

	private final Accounts accounts;

	private final InstagramConnections connections;

	private final Clock clock;

	AccountPages(Accounts accounts, InstagramConnections connections, Clock clock) {
		this.accounts = accounts;
		this.connections = connections;
		this.clock = clock;
	}

	@GetMapping("/accounts")
	String list(@ModelAttribute("me") Operator me,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String after, Model model) {
		model.addAttribute("accounts", OverviewController.page(accounts, me, after, model));
		model.addAttribute("loginConfigured", connections.configured());
		model.addAttribute("now", clock.instant());
		return "accounts/list";
	}

	@GetMapping("/accounts/new")
	String newAccount(@ModelAttribute("me") Operator me, Model model) {
		NotForAgents.requireAdmin(me);
		model.addAttribute("form", new AccountForms.NewAccount());
		return "accounts/new";
	}

	@PostMapping("/accounts/new")
	String create(@ModelAttribute("me") Operator me, @Valid @ModelAttribute("form") AccountForms.NewAccount form,
			BindingResult result, RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		if (result.hasErrors()) {
			return "accounts/new";
		}
		try {
			AccountDetails created = accounts.create(me, new Accounts.NewAccount(form.getInstagramAccountId(),
					form.getUsername(), form.getAccessToken(), AccountForms.emptyToNull(form.getCrmWebhookUrl()),
					AccountForms.emptyToNull(form.getWebhookSecret()), null));
			redirect.addFlashAttribute("notice", "Account @" + created.username() + " added.");
			return "redirect:/accounts/" + created.id();
		}
		catch (ProblemException ex) {
			if ("instagram_account_taken".equals(ex.code())) {
				result.rejectValue("instagramAccountId", "taken", "is already added: find it in the list");
			}
			else {
				FormErrors.reject(result, ex);
			}
			return "accounts/new";
		}
	}

	@GetMapping("/accounts/{accountId}")
	String account(@ModelAttribute("me") Operator me, @PathVariable String accountId, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		model.addAttribute("account", account);
		model.addAttribute("now", clock.instant());
		model.addAttribute("loginConfigured", connections.configured());
		if (!model.containsAttribute("crm")) {
			AccountForms.CrmEndpoint crm = new AccountForms.CrmEndpoint();
			crm.setCrmWebhookUrl(account.crmWebhookUrl());
			model.addAttribute("crm", crm);
		}
		return "accounts/account";
	}

}
