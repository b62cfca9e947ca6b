package dev.igautomation.console;

import java.util.Set;

import dev.igautomation.account.Accounts;
import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Operators, for admins: the list, inviting one (a one-time link to hand over), disabling and enabling, resetting a
 * password (a new one-time link; the old password and sessions stop at once), and an agent's accounts.
 */
@Controller
class OperatorPages {

	private final Operators operators;

	private final Accounts accounts;

	OperatorPages(Operators operators, Accounts accounts) {
		this.operators = operators;
		this.accounts = accounts;
	}

	@GetMapping("/operators")
	String list(@ModelAttribute("me") Operator me, Model model) {
		NotForAgents.requireAdmin(me);
		model.addAttribute("operators", operators.list());
		model.addAttribute("accounts", accounts.list(me, null, OverviewController.MAX_CHOICES));
		return "operators/list";
	}

	@PostMapping("/operators")
	String invite(@ModelAttribute("me") Operator me, @RequestParam(required = false) String email,
			@RequestParam(required = false) String displayName, @RequestParam(defaultValue = "agent") String role,
			@RequestParam(name = "accountIds", required = false) Set<String> accountIds, Model model) {
		NotForAgents.requireAdmin(me);
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 100) {
			model.addAttribute("errors", java.util.Map.of("displayName", "is required, at most 100 characters"));
		}
		else {
			try {
				Operators.Invited invited = operators.invite(email, name,
						"admin".equals(role) ? Operator.Role.ADMIN : Operator.Role.AGENT,
						accountIds == null ? Set.of() : accountIds);
				model.addAttribute("link", link("/invite", invited.token()));
				model.addAttribute("linkFor", invited.operator().email());
				return list(me, model);
			}
			catch (ProblemException ex) {
				model.addAttribute("errors", FieldProblems.of(ex));
			}
		}
		model.addAttribute("email", email);
		model.addAttribute("displayName", name);
		return list(me, model);
	}

	@PostMapping("/operators/{operatorId}/reset")
	String reset(@ModelAttribute("me") Operator me, @PathVariable String operatorId, Model model) {
		NotForAgents.requireAdmin(me);
		String token = operators.resetPassword(me.id(), operatorId);
		model.addAttribute("link", link("/invite", token));
		model.addAttribute("linkFor", operators.find(operatorId).map(Operator::email).orElse(""));
		return list(me, model);
	}

	@PostMapping("/operators/{operatorId}/enabled")
	String enable(@ModelAttribute("me") Operator me, @PathVariable String operatorId, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		try {
			operators.setEnabled(me.id(), operatorId, enabled);
			redirect.addFlashAttribute("notice", enabled ? "Operator enabled." : "Operator disabled and logged out.");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/operators";
	}

	@PostMapping("/operators/{operatorId}/accounts")
	String assign(@ModelAttribute("me") Operator me, @PathVariable String operatorId,
			@RequestParam(name = "accountIds", required = false) Set<String> accountIds, RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		operators.assign(operatorId, accountIds == null ? Set.of() : accountIds);
		redirect.addFlashAttribute("notice", "Accounts saved.");
		return "redirect:/operators";
	}

	private static String link(String path, String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).queryParam("token", token).toUriString();
	}

}
