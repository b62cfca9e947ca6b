package dev.igautomation.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.inbox.Inbox;
import dev.igautomation.inbox.InboxConversation;
import dev.igautomation.inbox.LiveInbox;
import dev.igautomation.inbox.ThreadItem;
import dev.igautomation.operator.Operator;
import dev.igautomation.system.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox: the conversations of every account the operator may see, newest activity first, with filters and a
 * search; one conversation's thread with its contact panel and the reply box. The list, the thread and the panel are
 * fragments of their pages that reload themselves when the live stream says their conversation changed.
 */
@Controller
class InboxPages {

	static final int PAGE = 25;

	static final int THREAD_PAGE = 50;

	static final List<String> FILTERS = List.of("unread", "assigned_to_me", "bot_paused", "window_open", "done");

	private final Inbox inbox;

	private final Accounts accounts;

	private final LiveInbox live;

	InboxPages(Inbox inbox, Accounts accounts, LiveInbox live) {
		this.inbox = inbox;
		this.accounts = accounts;
		this.live = live;
	}

	@GetMapping("/inbox")
	String list(@ModelAttribute("me") Operator me, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		conversations(me, filter, q, cursor, model);
		return "inbox/list";
	}

	@GetMapping("/inbox/list")
	String listFragment(@ModelAttribute("me") Operator me, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		conversations(me, filter, q, cursor, model);
		return "inbox/list :: conversations";
	}

	@GetMapping(path = "/inbox/events", produces = "text/event-stream")
	SseEmitter events(@ModelAttribute("me") Operator me,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		Long last = null;
		if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
			last = Long.valueOf(lastEventId);
		}
		return live.subscribe(me, last);
	}

	@GetMapping("/inbox/{accountId}/{userId}")
	String conversation(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@PathVariable String userId, @RequestParam(required = false) String cursor, Model model) {
		thread(me, accountId, userId, cursor, model);
		panel(me, accountId, userId, model);
		model.addAttribute("reply", ReplyForm.fresh());
		return "inbox/conversation";
	}

	@GetMapping("/inbox/{accountId}/{userId}/thread")
	String threadFragment(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@PathVariable String userId, Model model) {
		thread(me, accountId, userId, null, model);
		return "inbox/conversation :: thread";
	}

	@GetMapping("/inbox/{accountId}/{userId}/contact")
	String panelFragment(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@PathVariable String userId, Model model) {
		panel(me, accountId, userId, model);
		return "inbox/contact :: contact";
	}

	private void conversations(Operator me, String filter, String q, String cursor, Model model) {
		String chosen = filter != null && FILTERS.contains(filter) ? filter : null;
		String search = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
		Page<InboxConversation> page = inbox.list(me, new Inbox.Listing(null,
				chosen == null ? null : Inbox.Filter.valueOf(chosen.toUpperCase(Locale.ROOT)), null, search, me.id()),
				cursor, PAGE);
		model.addAttribute("conversations", page.items());
		model.addAttribute("next", page.nextCursor());
		model.addAttribute("filter", chosen);
		model.addAttribute("q", search);
		model.addAttribute("filters", FILTERS);
		Map<String, String> accountNames = new HashMap<>();
		accounts.list(me, null, 1000).forEach(account -> accountNames.put(account.id(), "@" + account.username()));
		model.addAttribute("accountNames", accountNames.size() > 1 ? accountNames : Map.of());
	}

	void thread(Operator me, String accountId, String userId, String cursor, Model model) {
		InboxConversation conversation = inbox.get(me, accountId, userId);
		if (conversation.unreadCount() > 0) {
			conversation = inbox.markRead(me, accountId, userId);
		}
		Page<ThreadItem> page = inbox.thread(me, accountId, userId, cursor, THREAD_PAGE);
		List<ThreadItem> oldestFirst = new ArrayList<>(page.items());
		Collections.reverse(oldestFirst);
		model.addAttribute("conversation", conversation);
		model.addAttribute("items", oldestFirst);
		model.addAttribute("older", page.nextCursor());
	}

	void panel(Operator me, String accountId, String userId, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		model.addAttribute("account", account);
		model.addAttribute("contact", inbox.get(me, accountId, userId));
		model.addAttribute("replyBlocked", ReplyForm.blocked(account, inbox.get(me, accountId, userId)));
	}

}
