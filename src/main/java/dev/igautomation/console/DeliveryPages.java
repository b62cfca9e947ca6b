package dev.igautomation.console;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.crm.CrmDeliveries;
import dev.igautomation.crm.DeliveryDetails;
import dev.igautomation.operator.Operator;
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
 * What was sent to an account's CRM: deliveries filtered by status and event type, one delivery with its exact
 * payload and how its attempts went, and retrying one or every failed one.
 */
@Controller
class DeliveryPages {

	static final int PAGE = 50;

	static final List<String> STATUSES = List.of("pending", "delivered", "failed");

	static final List<String> EVENT_TYPES = List.of("message.received", "message.echo", "message.deleted",
			"message.edited", "message.reaction", "message.read", "postback.received", "referral.received",
			"comment.received", "message.status");

	private final Accounts accounts;

	private final CrmDeliveries deliveries;

	private final JsonMapper json;

	DeliveryPages(Accounts accounts, CrmDeliveries deliveries, JsonMapper json) {
		this.accounts = accounts;
		this.deliveries = deliveries;
		this.json = json;
	}

	@GetMapping("/accounts/{accountId}/deliveries")
	String list(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) String before, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		String statusFilter = status != null && STATUSES.contains(status) ? status : null;
		String typeFilter = type != null && EVENT_TYPES.contains(type) ? type : null;
		String beforeId = before != null && before.matches("dlv_[0-9a-z]{26}") ? before : null;
		List<DeliveryDetails> page = deliveries.listDetails(accountId, statusFilter, typeFilter, beforeId, PAGE + 1);
		model.addAttribute("account", account);
		model.addAttribute("deliveries", page.size() > PAGE ? page.subList(0, PAGE) : page);
		model.addAttribute("next", page.size() > PAGE ? page.get(PAGE - 1).id() : null);
		model.addAttribute("status", statusFilter);
		model.addAttribute("type", typeFilter);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("types", EVENT_TYPES);
		return "deliveries/list";
	}

	@GetMapping("/deliveries/{deliveryId}")
	String delivery(@ModelAttribute("me") Operator me, @PathVariable String deliveryId, Model model) {
		DeliveryDetails delivery = deliveries.details(me, deliveryId);
		model.addAttribute("account", accounts.get(me, delivery.accountId()));
		model.addAttribute("delivery", delivery);
		model.addAttribute("payload", json.writerWithDefaultPrettyPrinter()
			.writeValueAsString(json.readTree(delivery.payload())));
		return "deliveries/delivery";
	}

	@PostMapping("/deliveries/{deliveryId}/retry")
	String retry(@ModelAttribute("me") Operator me, @PathVariable String deliveryId, RedirectAttributes redirect) {
		try {
			deliveries.retryNow(me, deliveryId);
			redirect.addFlashAttribute("notice", "Sent again; the list shows how it went.");
		}
		catch (ProblemException ex) {
			if ("delivery_not_found".equals(ex.code())) {
				throw ex;
			}
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/deliveries/" + deliveryId;
	}

	@PostMapping("/accounts/{accountId}/deliveries/retry")
	String retryFailed(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			RedirectAttributes redirect) {
		accounts.get(me, accountId);
		int retried = deliveries.retryFailed(accountId);
		redirect.addFlashAttribute("notice", retried == 0 ? "No failed delivery to retry."
				: retried + " failed deliveries are being sent again.");
		return "redirect:/accounts/" + accountId + "/deliveries";
	}

}
