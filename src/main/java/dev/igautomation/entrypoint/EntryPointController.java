package dev.igautomation.entrypoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.account.Accounts;
import dev.igautomation.security.ApiKeyPrincipal;
import dev.igautomation.system.ErrorAnswer;
import dev.igautomation.system.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people tap to start a conversation: ice breakers, the persistent menu, and ig.me links with a ref.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Validated
@Tag(name = "Entry points", description = """
		Ice breakers (questions a new visitor can tap) and the persistent menu, stored per account and pushed to \
		Meta; what Meta answered is kept and shown as `meta`. A tapped question or menu item comes back as a \
		postback with its payload, which a postback rule answers. ig.me links carry a ref to referral rules.""")
@SecurityRequirement(name = "api_key")
class EntryPointController {

	private final EntryPoints entryPoints;

	private final Accounts accounts;

	private final JsonMapper json;

	EntryPointController(EntryPoints entryPoints, Accounts accounts, JsonMapper json) {
		this.entryPoints = entryPoints;
		this.accounts = accounts;
		this.json = json;
	}

	@GetMapping("/ice-breakers")
	@Operation(operationId = "getIceBreakers", summary = "The account's ice breakers, and whether Meta has them")
	@ErrorAnswer(status = 404, code = "entry_point_not_found", description = "None set, or no such account.")
	EntryPointBodies.IceBreakersResponse iceBreakers(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		return iceBreakersOf(accountId, stored(accountId, EntryPoints.Kind.ICE_BREAKERS));
	}

	@PutMapping("/ice-breakers")
	@Operation(operationId = "setIceBreakers", summary = "Set the ice breakers and push them to Meta", description = """
			Replaces the ice breakers: up to 4 questions per locale, the default locale required. They are stored, \
			then pushed to Meta; `meta.status` says whether Meta accepted them (`synced`) or refused (`failed`, \
			with Meta's error).""")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	EntryPointBodies.IceBreakersResponse setIceBreakers(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@PathVariable String accountId, @Valid @RequestBody EntryPointBodies.IceBreakers request) {
		accounts.requireAccessible(caller, accountId);
		requireDefaultLocale("ice_breakers", request.iceBreakers().stream().map(EntryPointBodies.IceBreakerLocale::locale)
			.toList());
		return iceBreakersOf(accountId, entryPoints.put(accountId, EntryPoints.Kind.ICE_BREAKERS, request.iceBreakers()));
	}

	@DeleteMapping("/ice-breakers")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteIceBreakers", summary = "Remove the ice breakers, at Meta and here")
	@ErrorAnswer(status = 404, code = "entry_point_not_found", description = "None set, or no such account.")
	@ErrorAnswer(status = 502, code = "entry_point_not_removed", description = "Meta refused; nothing was removed.")
	void deleteIceBreakers(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		if (!entryPoints.remove(accountId, EntryPoints.Kind.ICE_BREAKERS)) {
			throw new UnknownEntryPoint(EntryPoints.Kind.ICE_BREAKERS);
		}
	}

	@GetMapping("/persistent-menu")
	@Operation(operationId = "getPersistentMenu", summary = "The account's persistent menu, and whether Meta has it")
	@ErrorAnswer(status = 404, code = "entry_point_not_found", description = "None set, or no such account.")
	EntryPointBodies.PersistentMenuResponse persistentMenu(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		return menuOf(accountId, stored(accountId, EntryPoints.Kind.PERSISTENT_MENU));
	}

	@PutMapping("/persistent-menu")
	@Operation(operationId = "setPersistentMenu", summary = "Set the persistent menu and push it to Meta",
			description = "Replaces the menu: up to 20 web_url or postback items per locale, the default locale "
					+ "required; `meta.status` says whether Meta accepted it.")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	EntryPointBodies.PersistentMenuResponse setPersistentMenu(@AuthenticationPrincipal ApiKeyPrincipal caller,
			@PathVariable String accountId, @Valid @RequestBody EntryPointBodies.PersistentMenu request) {
		accounts.requireAccessible(caller, accountId);
		requireDefaultLocale("persistent_menu",
				request.persistentMenu().stream().map(EntryPointBodies.MenuLocale::locale).toList());
		for (int i = 0; i < request.persistentMenu().size(); i++) {
			List<EntryPointBodies.MenuItem> items = request.persistentMenu().get(i).callToActions();
			for (int j = 0; j < items.size(); j++) {
				EntryPointBodies.MenuItem item = items.get(j);
				String at = "persistent_menu[" + i + "].call_to_actions[" + j + "]";
				boolean web = "web_url".equals(item.type());
				if (web ? item.url() == null : item.payload() == null) {
					throw new InvalidRequest(at + (web ? ".url" : ".payload"), "is required with type " + item.type());
				}
				if (web ? item.payload() != null : item.url() != null) {
					throw new InvalidRequest(at + (web ? ".payload" : ".url"), "must be left out with type " + item.type());
				}
			}
		}
		return menuOf(accountId, entryPoints.put(accountId, EntryPoints.Kind.PERSISTENT_MENU, request.persistentMenu()));
	}

	@DeleteMapping("/persistent-menu")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deletePersistentMenu", summary = "Remove the persistent menu, at Meta and here")
	@ErrorAnswer(status = 404, code = "entry_point_not_found", description = "None set, or no such account.")
	@ErrorAnswer(status = 502, code = "entry_point_not_removed", description = "Meta refused; nothing was removed.")
	void deletePersistentMenu(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId) {
		accounts.requireAccessible(caller, accountId);
		if (!entryPoints.remove(accountId, EntryPoints.Kind.PERSISTENT_MENU)) {
			throw new UnknownEntryPoint(EntryPoints.Kind.PERSISTENT_MENU);
		}
	}

	@GetMapping("/links")
	@Operation(operationId = "buildLink", summary = "The ig.me link that opens a chat with a ref", description = """
			https://ig.me/m/<username>?ref=<ref> opens a conversation with the account; Meta sends the ref in a \
			referral event, which a referral rule with that ref answers.""")
	@ErrorAnswer(status = 404, code = "account_not_found", description = "No such account for this API key.")
	EntryPointBodies.LinkResponse link(@AuthenticationPrincipal ApiKeyPrincipal caller, @PathVariable String accountId,
			@Parameter(description = "Letters, digits and + / = - . : _, at most 250", example = "spring-sale")
			@RequestParam @Pattern(regexp = "[A-Za-z0-9+/=\\-.:_]{1,250}",
					message = "must be 1 to 250 letters, digits or + / = - . : _") String ref) {
		AccountSummary account = accounts.requireAccessible(caller, accountId);
		return new EntryPointBodies.LinkResponse("https://ig.me/m/" + account.username() + "?ref="
				+ URLEncoder.encode(ref, StandardCharsets.UTF_8), ref, account.username());
	}

	private EntryPoints.Stored stored(String accountId, EntryPoints.Kind kind) {
		return entryPoints.find(accountId, kind).orElseThrow(() -> new UnknownEntryPoint(kind));
	}

	private static void requireDefaultLocale(String field, List<String> locales) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < locales.size(); i++) {
			if (!seen.add(locales.get(i))) {
				throw new InvalidRequest(field + "[" + i + "].locale", "is given twice: one entry per locale");
			}
		}
		if (!seen.contains("default")) {
			throw new InvalidRequest(field, "need the default locale (Meta requires it)");
		}
	}

	private EntryPointBodies.IceBreakersResponse iceBreakersOf(String accountId, EntryPoints.Stored stored) {
		return new EntryPointBodies.IceBreakersResponse(accountId,
				json.readValue(stored.content(), new TypeReference<List<EntryPointBodies.IceBreakerLocale>>() {
				}), meta(stored), stored.updatedAt());
	}

	private EntryPointBodies.PersistentMenuResponse menuOf(String accountId, EntryPoints.Stored stored) {
		return new EntryPointBodies.PersistentMenuResponse(accountId,
				json.readValue(stored.content(), new TypeReference<List<EntryPointBodies.MenuLocale>>() {
				}), meta(stored), stored.updatedAt());
	}

	private static EntryPointBodies.MetaOutcome meta(EntryPoints.Stored stored) {
		return new EntryPointBodies.MetaOutcome(stored.metaStatus(), stored.metaError(), stored.metaErrorCode(),
				stored.syncedAt());
	}

}
