package dev.igautomation.console;

import java.time.Clock;
import java.util.Optional;

import jakarta.validation.Valid;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.crm.CrmPing;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What admins do to an account: connect it (or connect it again) through Instagram Login, refresh its token, change
 * its CRM endpoint, send its CRM a test event, remove it.
 */
@Controller
class AccountActions {

	private final Accounts accounts;

	private final InstagramConnections connections;

	private final CrmPing ping;

	private final Clock clock;

	AccountActions(Accounts accounts, InstagramConnections connections, CrmPing ping, Clock clock) {
		this.accounts = accounts;
		this.connections = connections;
		this.ping = ping;
		this.clock = clock;
	}

	@GetMapping("/accounts/connect")
	String connect(@ModelAttribute("me") Operator me) {
		NotForAgents.requireAdmin(me);
		String callback = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/connect/instagram/callback")
			.toUriString();
		return "redirect:" + connections.authorizeUrl(callback, true);
	}

	@PostMapping("/accounts/{accountId}/token/refresh")
	String refresh(@ModelAttribute("me") Operator me, @PathVariable String accountId, RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		accounts.get(me, accountId);
		try {
			connections.refreshNow(accountId);
			redirect.addFlashAttribute("notice", "Token refreshed.");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/accounts/" + accountId;
	}

	@PostMapping("/accounts/{accountId}/crm")
	String changeCrm(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@Valid @ModelAttribute("crm") AccountForms.CrmEndpoint crm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		AccountDetails account = accounts.get(me, accountId);
		if (!result.hasErrors()) {
			try {
				String url = crm.getCrmWebhookUrl() == null ? "" : crm.getCrmWebhookUrl();
				accounts.update(me, accountId, new Accounts.AccountChanges(null, null, url,
						AccountForms.emptyToNull(crm.getWebhookSecret()), null, null));
				redirect.addFlashAttribute("notice", url.isEmpty() ? "Forwarding to the CRM stopped." : "CRM saved.");
				return "redirect:/accounts/" + accountId;
			}
			catch (ProblemException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("now", clock.instant());
		model.addAttribute("loginConfigured", connections.configured());
		return "accounts/account";
	}

	@PostMapping("/accounts/{accountId}/ping")
	String ping(@ModelAttribute("me") Operator me, @PathVariable String accountId, Model model) {
		NotForAgents.requireAdmin(me);
		accounts.get(me, accountId);
		Optional<CrmPing.Result> result = ping.ping(accountId);
		model.addAttribute("ping", result.orElse(null));
		return "accounts/account :: ping-result";
	}

	@PostMapping("/accounts/{accountId}/delete")
	String delete(@ModelAttribute("me") Operator me, @PathVariable String accountId, RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		AccountDetails account = accounts.get(me, accountId);
		accounts.delete(me, accountId);
		redirect.addFlashAttribute("notice", "Account @" + account.username() + " removed; its messages are kept.");
		return "redirect:/accounts";
	}

}
