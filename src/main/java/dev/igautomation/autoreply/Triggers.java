package dev.igautomation.autoreply;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * What a stored event is to the rules, if it is a user's own doing at all (never an echo, a read receipt, a reaction,
 * or an event in standby): the triggers whose rules may answer it, in the order they are tried, each with the text
 * (or payload, or ref) its rules match.
 */
@Component
class Triggers {

	private final JsonMapper json;

	Triggers(JsonMapper json) {
		this.json = json;
	}

	/**
	 * One way rules may see an event: the trigger and the subject its rules match; for a comment, its id, its post's
	 * media id and its author's username.
	 */
	record Triggered(RuleTrigger trigger, String subject, String commentId, String mediaId, String username) {

		Triggered(RuleTrigger trigger, String subject) {
			this(trigger, subject, null, null, null);
		}

	}

	/**
	 * The triggers of an event, first tried first. A link's or an ad's referral is matched on its {@code ref} and
	 * then on its ad id; a message that came with one (a user who wrote from an ad or a link) is tried against the
	 * referral rules before the direct message rules.
	 */
	List<Triggered> of(StoredEvent event) {
		List<Triggered> triggers = new ArrayList<>();
		if (event.standby() || event.direction() != Direction.INBOUND || event.senderId() == null) {
			return triggers;
		}
		JsonNode details = event.details() == null ? json.nullNode() : json.readTree(event.details());
		switch (event.kind()) {
			case COMMENT -> {
				String commentId = details.path("comment_id").asString(null);
				if (commentId != null) {
					triggers.add(new Triggered(RuleTrigger.COMMENT, event.text() == null ? "" : event.text(), commentId,
							details.path("media").path("id").asString(null),
							details.path("from").path("username").asString(null)));
				}
			}
			case POSTBACK -> triggers.add(new Triggered(RuleTrigger.POSTBACK, details.path("payload").asString("")));
			case REFERRAL -> referral(details, triggers);
			case MESSAGE -> message(event, details, triggers);
			default -> {
			}
		}
		return triggers;
	}

	private void message(StoredEvent event, JsonNode details, List<Triggered> triggers) {
		String text = event.text() == null ? "" : event.text();
		String quickReply = details.path("quick_reply").path("payload").asString(null);
		if (quickReply != null) {
			triggers.add(new Triggered(RuleTrigger.QUICK_REPLY, quickReply));
			return;
		}
		if (mentionsInStory(event)) {
			triggers.add(new Triggered(RuleTrigger.STORY_MENTION, text));
			return;
		}
		if (details.path("reply_to").path("story").isObject()) {
			triggers.add(new Triggered(RuleTrigger.STORY_REPLY, text));
			return;
		}
		referral(details.path("referral"), triggers);
		triggers.add(new Triggered(RuleTrigger.DIRECT_MESSAGE, text));
	}

	private static void referral(JsonNode referral, List<Triggered> triggers) {
		String ref = referral.path("ref").asString(null);
		String adId = referral.path("ad_id").asString(referral.path("ads_context_data").path("ad_id").asString(null));
		if (ref != null) {
			triggers.add(new Triggered(RuleTrigger.REFERRAL, ref));
		}
		if (adId != null) {
			triggers.add(new Triggered(RuleTrigger.REFERRAL, adId));
		}
	}

	private boolean mentionsInStory(StoredEvent event) {
		if (event.attachments() == null) {
			return false;
		}
		for (JsonNode attachment : json.readTree(event.attachments())) {
			if ("story_mention".equals(attachment.path("type").asString(null))) {
				return true;
			}
		}
		return false;
	}

}
