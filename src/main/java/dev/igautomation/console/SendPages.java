package dev.igautomation.console;

import java.time.Instant;
import java.util.List;

import dev.igautomation.account.Accounts;
import dev.igautomation.operator.Operator;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SentMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** What an account sent through this service (API sends and auto-replies), with each message's status and error. */
@Controller
class SendPages {

	static final List<String> STATUSES = List.of("pending", "sending", "sent", "read", "failed");

	private final Accounts accounts;

	private final Outbound outbound;

	SendPages(Accounts accounts, Outbound outbound) {
		this.accounts = accounts;
		this.outbound = outbound;
	}

	@GetMapping("/accounts/{accountId}/sends")
	String list(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Instant before,
			@RequestParam(required = false) String beforeId, Model model) {
		model.addAttribute("account", accounts.get(me, accountId));
		String statusFilter = status != null && STATUSES.contains(status) ? status : null;
		List<SentMessage> page = outbound.sent(accountId, statusFilter, before,
				before == null || beforeId == null ? null : beforeId, DeliveryPages.PAGE + 1);
		boolean more = page.size() > DeliveryPages.PAGE;
		model.addAttribute("messages", more ? page.subList(0, DeliveryPages.PAGE) : page);
		model.addAttribute("next", more ? page.get(DeliveryPages.PAGE - 1) : null);
		model.addAttribute("status", statusFilter);
		model.addAttribute("statuses", STATUSES);
		return "sends/list";
	}

}
