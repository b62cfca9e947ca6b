package dev.igautomation.console;

import jakarta.servlet.http.HttpServletResponse;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.inbox.Inbox;
import dev.igautomation.inbox.InboxConversation;
import dev.igautomation.operator.Operator;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.system.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an operator does in a conversation: answer through the send path (which pauses the bot for the user, as any
 * person's message does), resume the bot, assign, and mark done or open again.
 */
@Controller
class InboxActions {

	private final Inbox inbox;

	private final Accounts accounts;

	private final Outbound outbound;

	InboxActions(Inbox inbox, Accounts accounts, Outbound outbound) {
		this.inbox = inbox;
		this.accounts = accounts;
		this.outbound = outbound;
	}

	@PostMapping("/inbox/{accountId}/{userId}/reply")
	String reply(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String userId,
			ReplyForm form, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		AccountDetails account = accounts.get(me, accountId);
		InboxConversation conversation = inbox.get(me, accountId, userId);
		String blocked = ReplyForm.blocked(account, conversation);
		String problem = blocked != null ? blocked : form.problem();
		ReplyForm shown = form;
		String notice = null;
		if (problem == null) {
			String tag = ReplyForm.tag(account, conversation);
			try {
				Outbound.Accepted accepted = outbound.send(form.command(accountId, userId, tag));
				notice = accepted.replayed() ? "This form was sent already: the message went once."
						: "Sent" + (tag != null ? " with the HUMAN_AGENT tag." : ".") + " The bot is paused for this user.";
				shown = ReplyForm.fresh();
			}
			catch (ProblemException refused) {
				if ("request_in_progress".equals(refused.code())) {
					notice = "This form is being sent already: the message goes once.";
					shown = ReplyForm.fresh();
				}
				else {
					problem = refused.getMessage();
				}
			}
		}
		if (htmx == null) {
			redirect.addFlashAttribute(problem == null ? "notice" : "failure", problem == null ? notice : problem);
			return "redirect:/inbox/" + accountId + "/" + userId;
		}
		response.setHeader("HX-Trigger", "thread-changed");
		model.addAttribute("account", account);
		model.addAttribute("contact", inbox.get(me, accountId, userId));
		model.addAttribute("replyBlocked", blocked);
		model.addAttribute("reply", shown);
		model.addAttribute("replyNotice", notice);
		model.addAttribute("replyProblem", problem);
		return "inbox/reply :: reply";
	}

	@PostMapping("/inbox/{accountId}/{userId}/resume")
	String resume(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String userId,
			RedirectAttributes redirect) {
		boolean resumed = inbox.resumeBot(me, accountId, userId);
		redirect.addFlashAttribute("notice", resumed ? "The bot answers this user again." : "The bot was not paused.");
		return "redirect:/inbox/" + accountId + "/" + userId;
	}

	@PostMapping("/inbox/{accountId}/{userId}/assign")
	String assign(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String userId,
			@RequestParam(required = false) String assignee, RedirectAttributes redirect) {
		String operatorId = "me".equals(assignee) ? me.id() : null;
		inbox.assign(me, accountId, userId, operatorId);
		redirect.addFlashAttribute("notice", operatorId == null ? "Unassigned." : "Assigned to you.");
		return "redirect:/inbox/" + accountId + "/" + userId;
	}

	@PostMapping("/inbox/{accountId}/{userId}/done")
	String done(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String userId,
			RedirectAttributes redirect) {
		InboxConversation conversation = inbox.setState(me, accountId, userId, true);
		redirect.addFlashAttribute("notice", "Done: " + conversation.displayName()
				+ " is out of the list until they write again.");
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/{accountId}/{userId}/open")
	String open(@ModelAttribute("me") Operator me, @PathVariable String accountId, @PathVariable String userId,
			RedirectAttributes redirect) {
		inbox.setState(me, accountId, userId, false);
		redirect.addFlashAttribute("notice", "Open again.");
		return "redirect:/inbox/" + accountId + "/" + userId;
	}

}
