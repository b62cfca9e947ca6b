package dev.igautomation.autoreply;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Try a message": which rule would answer a text, and what it would say, with nothing sent. It asks the same
 * {@link AutoResponder} matching, pauses and cooldowns as a real message meets, so the answer cannot drift from what
 * happens. Without a user id, placeholders take the rule's fallback name (no profile is fetched); with one, that
 * user's pause and the rule's cooldown for them count too.
 */
@Component
public class RuleTester {

	private final Rules rules;

	private final AutoResponder responder;

	private final Pauses pauses;

	private final Profiles profiles;

	RuleTester(Rules rules, AutoResponder responder, Pauses pauses, Profiles profiles) {
		this.rules = rules;
		this.responder = responder;
		this.pauses = pauses;
		this.profiles = profiles;
	}

	/**
	 * What would happen.
	 *
	 * @param ruleId the rule that matches; null when none does
	 * @param action {@code text} or {@code ai} (an AI model writes the reply; {@code reply} is its fallback)
	 * @param reply the rendered reply; null when nothing would be sent
	 * @param reason why nothing would be sent, when nothing would
	 */
	public record Outcome(String ruleId, String ruleName, String action, String reply, String reason) {

		static Outcome none(String reason) {
			return new Outcome(null, null, null, null, reason);
		}

	}

	@Transactional(readOnly = true)
	public Outcome test(String accountId, String text, String trigger, String userId) {
		RuleTrigger kind = trigger == null || trigger.isBlank() ? RuleTrigger.DIRECT_MESSAGE : RuleTrigger.of(trigger);
		List<Rule> candidates = rules.enabled(accountId, kind);
		if (candidates.isEmpty()) {
			return Outcome.none("No enabled rule has the trigger " + kind.value() + ".");
		}
		boolean forUser = userId != null && !userId.isBlank();
		if (forUser) {
			Optional<Pause> pause = pauses.active(accountId, userId);
			if (pause.isPresent()) {
				return Outcome.none("Auto-replies to this user are paused (" + pause.get().reason() + ")"
						+ (pause.get().until() == null ? " until resumed." : " until " + pause.get().until() + "."));
			}
		}
		Optional<Rule> match = responder.firstMatch(candidates, text == null ? "" : text);
		if (match.isEmpty()) {
			return Outcome.none("None of the %d enabled %s rules matches this text.".formatted(candidates.size(),
					kind.value()));
		}
		Rule rule = match.get();
		if (forUser && responder.coolingDown(rule, userId)) {
			return new Outcome(rule.id(), rule.name(), rule.action().value(), null,
					"The rule matches, but it answered this user less than " + rule.cooldown().toMinutes()
							+ " minutes ago (its cooldown); no other rule answers instead.");
		}
		if (rule.replyText() == null) {
			return new Outcome(rule.id(), rule.name(), rule.action().value(), null,
					"The rule answers with a carousel of " + rule.reply().cards().size() + " (cards, no text).");
		}
		Profiles.Profile profile = forUser && ReplyTemplate.needsProfile(rule.replyText())
				? profiles.of(accountId, userId) : Profiles.Profile.UNKNOWN;
		return new Outcome(rule.id(), rule.name(), rule.action().value(),
				ReplyTemplate.render(rule.replyText(), profile, rule.fallbackName()), null);
	}

}
