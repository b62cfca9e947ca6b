package dev.igautomation.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.entrypoint.EntryPoints;
import dev.igautomation.operator.Operator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account page's entry points: its ice breakers and persistent menu as Meta last answered for them, and the
 * ig.me link builder. Loaded into the account page by htmx; set through the API.
 */
@Controller
class EntryPointPages {

	/** An entry point as shown: Meta's answer, and one line per question or menu item. */
	record View(String status, String error, List<String> items) {
	}

	private final Accounts accounts;

	private final EntryPoints entryPoints;

	private final JsonMapper json;

	EntryPointPages(Accounts accounts, EntryPoints entryPoints, JsonMapper json) {
		this.accounts = accounts;
		this.entryPoints = entryPoints;
		this.json = json;
	}

	@GetMapping("/accounts/{accountId}/entry-points")
	String entryPoints(@ModelAttribute("me") Operator me, @PathVariable String accountId, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		model.addAttribute("account", account);
		model.addAttribute("iceBreakers", view(entryPoints.find(accountId, EntryPoints.Kind.ICE_BREAKERS),
				item -> item.path("question").asString() + " → " + item.path("payload").asString()));
		model.addAttribute("menu", view(entryPoints.find(accountId, EntryPoints.Kind.PERSISTENT_MENU),
				item -> item.path("title").asString() + " → "
						+ item.path(item.has("url") ? "url" : "payload").asString()));
		return "accounts/entry-points :: entry-points";
	}

	@GetMapping("/accounts/{accountId}/entry-points/link")
	String link(@ModelAttribute("me") Operator me, @PathVariable String accountId,
			@RequestParam(defaultValue = "") String ref, Model model) {
		AccountDetails account = accounts.get(me, accountId);
		String cleaned = ref.strip();
		if (!cleaned.matches("[A-Za-z0-9+/=\\-.:_]{1,250}")) {
			model.addAttribute("linkError", "A ref is 1 to 250 letters, digits or + / = - . : _ (no spaces).");
		}
		else {
			model.addAttribute("link",
					"https://ig.me/m/" + account.username() + "?ref=" + URLEncoder.encode(cleaned, StandardCharsets.UTF_8));
		}
		return "accounts/entry-points :: link-result";
	}

	private View view(Optional<EntryPoints.Stored> stored, java.util.function.Function<JsonNode, String> line) {
		if (stored.isEmpty()) {
			return null;
		}
		List<String> items = new ArrayList<>();
		for (JsonNode locale : json.readTree(stored.get().content())) {
			for (JsonNode item : locale.path("call_to_actions")) {
				items.add(locale.path("locale").asString() + ": " + line.apply(item));
			}
		}
		return new View(stored.get().metaStatus(), stored.get().metaError(), items);
	}

}
