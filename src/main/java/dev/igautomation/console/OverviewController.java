package dev.igautomation.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.analytics.AccountActivity;
import dev.igautomation.operator.Operator;
import dev.igautomation.system.AppSecrets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The overview at {@code /}: today's figures of each account the operator may see (today in their browser's time
 * zone), each linking to its list, and the checklist of what Meta's dashboard and the settings need.
 */
@Controller
class OverviewController {

	/** Accounts per page of the overview and of the accounts list. */
	static final int PAGE = 50;

	/** The most accounts offered as choices (an API key's or an agent's accounts). */
	static final int MAX_CHOICES = 1000;

	static final String WEBHOOK_FIELDS = "messages, messaging_postbacks, messaging_seen, messaging_referral, "
			+ "message_reactions, comments";

	private final Accounts accounts;

	private final AccountActivity activity;

	private final AppSecrets secrets;

	private final Environment environment;

	private final ConsoleTimes times;

	private final Clock clock;

	OverviewController(Accounts accounts, AccountActivity activity, AppSecrets secrets, Environment environment,
			ConsoleTimes times, Clock clock) {
		this.accounts = accounts;
		this.activity = activity;
		this.secrets = secrets;
		this.environment = environment;
		this.times = times;
		this.clock = clock;
	}

	/** A page of the operator's accounts after {@code after}; puts the next page's cursor in {@code next}. */
	static List<AccountDetails> page(Accounts accounts, Operator me, String after, Model model) {
		String from = after != null && after.matches("acc_[0-9a-z]{26}") ? after : null;
		List<AccountDetails> found = accounts.list(me, from, PAGE + 1);
		boolean more = found.size() > PAGE;
		List<AccountDetails> page = more ? found.subList(0, PAGE) : found;
		model.addAttribute("next", more ? page.get(PAGE - 1).id() : null);
		model.addAttribute("after", from);
		return page;
	}

	/** One line of the checklist. */
	record Check(String label, boolean done, String howTo) {
	}

	@GetMapping("/")
	String overview(@ModelAttribute("me") Operator me,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String after, Model model) {
		List<AccountDetails> visible = page(accounts, me, after, model);
		ZoneId zone = times.zone();
		Instant now = clock.instant();
		Instant startOfToday = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
		Map<String, AccountActivity.Activity> today = activity.between(visible.stream()
			.map(account -> new AccountActivity.AccountIds(account.id(), account.instagramAccountId()))
			.toList(), startOfToday, now);
		model.addAttribute("accounts", visible);
		model.addAttribute("today", today);
		model.addAttribute("now", now);
		model.addAttribute("zone", zone.getId());
		String callback = ServletUriComponentsBuilder.fromCurrentContextPath().path("/webhooks/instagram").toUriString();
		String verifyToken = environment.getProperty("app.instagram.verify-token", "");
		boolean webhooksArrive = today.values().stream().anyMatch(account -> account.lastEventAt() != null);
		model.addAttribute("callbackUrl", callback);
		model.addAttribute("webhookFields", WEBHOOK_FIELDS);
		model.addAttribute("checks", List.of(
				new Check("Callback URL pasted into Meta's dashboard", webhooksArrive,
						"In your Meta app: Webhooks → Instagram → callback URL " + callback),
				new Check("Verify token set (FACEBOOK_VERIFY_TOKEN)", !verifyToken.isBlank(),
						"Set FACEBOOK_VERIFY_TOKEN, restart, and enter the same token in Meta's dashboard"),
				new Check("App secret set (INSTAGRAM_APP_SECRET)", !secrets.isEmpty(),
						"Set INSTAGRAM_APP_SECRET (Meta signs every webhook with it) and restart"),
				new Check("Webhook fields subscribed", webhooksArrive, "Subscribe to: " + WEBHOOK_FIELDS),
				new Check("An account added", !visible.isEmpty() || after != null,
						"Add one under Accounts, or connect with Instagram")));
		return "overview/overview";
	}

}
