package dev.igautomation.autoreply;

/**
 * The values a rule's fields take, shared by the API's requests and the console's forms so that both refuse the
 * same input with the same words.
 */
public final class RuleFields {

	public static final String TRIGGERS = "direct_message|story_mention|story_reply|postback|quick_reply|comment|referral";

	public static final String TRIGGER_MESSAGE = "must be direct_message, story_mention, story_reply, postback, "
			+ "quick_reply, comment or referral";

	public static final String MATCH_TYPES = "exact|contains|regex|any";

	public static final String MATCH_TYPE_MESSAGE = "must be exact, contains, regex or any";

	public static final String ACTIONS = "text|ai";

	public static final String ACTION_MESSAGE = "must be text or ai";

	private RuleFields() {
	}

}
