package dev.igautomation.autoreply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inbox shows and changes of the bot's side of a conversation: whether auto-replies are paused for the user
 * (and until when), ending a pause, the user's profile as this feature knows it, and which rule sent an auto-reply.
 */
@Service
public class ContactStates {

	private final Pauses pauses;

	private final Profiles profiles;

	private final RuleRepository rules;

	ContactStates(Pauses pauses, Profiles profiles, RuleRepository rules) {
		this.pauses = pauses;
		this.profiles = profiles;
		this.rules = rules;
	}

	/** Auto-replies to a user are off until {@code until} (null: until resumed); {@code reason} as the API says it. */
	public record BotPause(Instant until, String reason) {
	}

	/** A user's Instagram username and name, each null when unknown. */
	public record Profile(String username, String name) {
	}

	/** The rule that sent an auto-reply: its name, and whether an AI model wrote the reply. */
	public record RuleLabel(String id, String name, boolean ai) {
	}

	public Optional<BotPause> pause(String accountId, String userId) {
		return pauses.active(accountId, userId).map(pause -> new BotPause(pause.until(), pause.reason()));
	}

	/** The pauses on for these users, by user id; the others are absent. */
	@Transactional(readOnly = true)
	public Map<String, BotPause> pauses(String accountId, Collection<String> userIds) {
		Map<String, BotPause> paused = new LinkedHashMap<>();
		for (String userId : userIds) {
			pause(accountId, userId).ifPresent(pause -> paused.put(userId, pause));
		}
		return paused;
	}

	/** The users auto-replies are paused for now, up to {@code limit}. */
	public List<String> pausedUsers(String accountId, int limit) {
		List<String> users = new ArrayList<>();
		pauses.active(accountId, null, limit).forEach(pause -> users.add(pause.userId()));
		return users;
	}

	/** Auto-replies to the user are back on; true if they were paused. */
	public boolean resume(String accountId, String userId) {
		return pauses.resume(accountId, userId);
	}

	/** The user's profile, fetched from the Graph API once and then remembered for a while. */
	public Profile profile(String accountId, String userId) {
		Profiles.Profile profile = profiles.of(accountId, userId);
		return new Profile(profile.username(), profile.name());
	}

	@Transactional(readOnly = true)
	public Optional<RuleLabel> rule(String accountId, String ruleId) {
		return rules.findByAccountIdAndId(accountId, ruleId)
			.map(rule -> new RuleLabel(rule.id(), rule.name(), rule.action() == RuleAction.AI));
	}

}
