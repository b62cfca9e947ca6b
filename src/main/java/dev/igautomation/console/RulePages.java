package dev.igautomation.console;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.autoreply.RuleDetails;
import dev.igautomation.autoreply.RuleTester;
import dev.igautomation.autoreply.Rules;
import dev.igautomation.operator.Operator;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An account's rules: in the order they are tried, each switched on and off in place (htmx), created, edited and
 * deleted; and "Try a message", which shows which rule would answer and what, sending nothing.
 */
@Controller
class RulePages {

	static final int MAX_RULES = 500;

	private final Accounts accounts;

	private final Rules rules;

	private final RuleTester tester;

	RulePages(Accounts accounts, Rules rules, RuleTester tester) {
		this.accounts = accounts;
		this.rules = rules;
		this.tester = tester;
	}

	@GetMapping("/accounts/{accountId}/rules")
	String list(@ModelAttribute("me") Operator me, @PathVariable String accountId, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		model.addAttribute("account", account);
		model.addAttribute("rules", rules.list(accountId, null, null, MAX_RULES));
		return "rules/list";
	}

	@GetMapping("/accounts/{accountId}/rules/new")
	String newRule(@ModelAttribute("me") Operator me, @PathVariable String accountId, Model model) {
		model.addAttribute("account", accounts.get(me, accountId));
		model.addAttribute("form", new RuleForm());
		return "rules/edit";
	}

	@PostMapping("/accounts/{accountId}/rules/new")
	String create(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@Valid @ModelAttribute("form") RuleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("account", accounts.get(me, accountId));
		if (!result.hasErrors()) {
			try {
				RuleDetails rule = rules.create(accountId, form.fields(false));
				redirect.addFlashAttribute("notice", "Rule \"" + rule.name() + "\" created.");
				return "redirect:/accounts/" + accountId + "/rules";
			}
			catch (ProblemException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return "rules/edit";
	}

	@GetMapping("/accounts/{accountId}/rules/{ruleId}")
	String edit(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String ruleId,
			Model model) {
		model.addAttribute("account", accounts.get(me, accountId));
		RuleDetails rule = rules.get(accountId, ruleId);
		model.addAttribute("rule", rule);
		model.addAttribute("form", RuleForm.of(rule));
		return "rules/edit";
	}

	@PostMapping("/accounts/{accountId}/rules/{ruleId}")
	String update(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String ruleId,
			@Valid @ModelAttribute("form") RuleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("account", accounts.get(me, accountId));
		model.addAttribute("rule", rules.get(accountId, ruleId));
		if (!result.hasErrors()) {
			try {
				RuleDetails rule = rules.update(accountId, ruleId, form.fields(true));
				redirect.addFlashAttribute("notice", "Rule \"" + rule.name() + "\" saved.");
				return "redirect:/accounts/" + accountId + "/rules";
			}
			catch (ProblemException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return "rules/edit";
	}

	/** Switches a rule on or off and answers its row, which htmx puts in place of the old one. */
	@PostMapping("/accounts/{accountId}/rules/{ruleId}/enabled")
	String toggle(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String ruleId,
			@RequestParam boolean enabled, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		model.addAttribute("account", account);
		model.addAttribute("rule", rules.update(accountId, ruleId,
				new Rules.Fields(null, null, null, null, null, null, null, enabled, null, null, null, null)));
		return "rules/list :: rule-row";
	}

	@PostMapping("/accounts/{accountId}/rules/{ruleId}/delete")
	String delete(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String ruleId,
			RedirectAttributes redirect) {
		accounts.get(me, accountId);
		RuleDetails rule = rules.get(accountId, ruleId);
		rules.delete(accountId, ruleId);
		redirect.addFlashAttribute("notice", "Rule \"" + rule.name() + "\" deleted.");
		return "redirect:/accounts/" + accountId + "/rules";
	}

	/** "Try a message": the matching rule and its reply, as a part of the rules page. */
	@PostMapping("/accounts/{accountId}/rules/test")
	String test(@ModelAttribute("me") Operator me, @PathVariable String accountId, @RequestParam String text,
			@RequestParam(defaultValue = "direct_message") String trigger,
			@RequestParam(name = "userId", required = false) String userId, Model model,
			HttpServletResponse response) {
		accounts.get(me, accountId);
		if (!trigger.matches(dev.igautomation.autoreply.RuleFields.TRIGGERS) || text.length() > 1000
				|| (userId != null && !userId.isBlank() && !userId.strip().matches("\\d{1,32}"))) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("testError", "Type at most 1000 characters, pick a trigger from the list, and give the "
					+ "user id as digits (or leave it empty).");
			return "rules/list :: test-result";
		}
		model.addAttribute("outcome", tester.test(accountId, text, trigger,
				userId == null || userId.isBlank() ? null : userId.strip()));
		return "rules/list :: test-result";
	}

	@ModelAttribute("triggers")
	List<String> triggers() {
		return TRIGGERS;
	}

	static final List<String> TRIGGERS = List.of("direct_message", "story_mention", "story_reply", "postback",
			"quick_reply", "comment", "referral");

}
