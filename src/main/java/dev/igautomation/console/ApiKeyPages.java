package dev.igautomation.console;

import java.util.Set;

import dev.igautomation.account.Accounts;
import dev.igautomation.operator.Operator;
import dev.igautomation.security.ApiKeys;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API keys, for admins: the live ones (prefix, scope, last use), a new one shown once with a copy button (in the
 * answer to the form itself, so the key is never kept in the session), revoking.
 */
@Controller
class ApiKeyPages {

	static final int MAX_KEYS = 500;

	private final ApiKeys apiKeys;

	private final Accounts accounts;

	ApiKeyPages(ApiKeys apiKeys, Accounts accounts) {
		this.apiKeys = apiKeys;
		this.accounts = accounts;
	}

	@GetMapping("/api-keys")
	String list(@ModelAttribute("me") Operator me, Model model) {
		NotForAgents.requireAdmin(me);
		model.addAttribute("keys", apiKeys.list(null, MAX_KEYS));
		model.addAttribute("accounts", accounts.list(me, null, OverviewController.MAX_CHOICES));
		return "apikeys/list";
	}

	@PostMapping("/api-keys")
	String create(@ModelAttribute("me") Operator me, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "false") boolean admin,
			@RequestParam(name = "accountIds", required = false) Set<String> accountIds, Model model) {
		NotForAgents.requireAdmin(me);
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			model.addAttribute("nameError", trimmed.isEmpty() ? "is required: say what the key is for"
					: "must be at most 100 characters");
		}
		else {
			try {
				ApiKeys.CreatedKey created = apiKeys.create(trimmed, admin, accountIds == null ? Set.of() : accountIds);
				model.addAttribute("createdKey", created.token());
				model.addAttribute("createdName", created.key().name());
				return list(me, model);
			}
			catch (ProblemException ex) {
				model.addAttribute("scopeError", ex.getMessage());
			}
		}
		model.addAttribute("name", trimmed);
		return list(me, model);
	}

	@PostMapping("/api-keys/{keyId}/revoke")
	String revoke(@ModelAttribute("me") Operator me, @PathVariable String keyId, RedirectAttributes redirect) {
		NotForAgents.requireAdmin(me);
		apiKeys.revoke(keyId);
		redirect.addFlashAttribute("notice", "Key revoked: it no longer works.");
		return "redirect:/api-keys";
	}

}
