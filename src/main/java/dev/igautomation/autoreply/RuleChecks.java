package dev.igautomation.autoreply;

import java.util.List;

import dev.igautomation.outbound.RichContent;
import dev.igautomation.system.InvalidRequest;

/**
 * What a rule's reply must be: a text, or buttons under a text of at most 640 characters (Meta's button template),
 * or cards — one of them, each within Meta's limits ({@link RichContent}), and text only where Meta takes text only.
 */
final class RuleChecks {

	private RuleChecks() {
	}

	static void reply(Rule rule) {
		List<RichContent.Button> buttons = rule.reply().buttons();
		List<RichContent.Card> cards = rule.reply().cards();
		boolean hasButtons = buttons != null && !buttons.isEmpty();
		boolean hasCards = cards != null && !cards.isEmpty();
		if (hasButtons && hasCards) {
			throw new InvalidRequest("cards", "cannot go with buttons: a rule answers with one kind of message");
		}
		if (rule.replyText() == null && (!hasCards || rule.action() == RuleAction.AI)) {
			throw new InvalidRequest("reply_text", rule.action() == RuleAction.AI
					? "is required with action ai: it is sent when the model gives no answer"
					: "is required unless the rule answers with cards");
		}
		if ((hasButtons || hasCards) && rule.trigger() == RuleTrigger.COMMENT) {
			throw new InvalidRequest(hasButtons ? "buttons" : "cards",
					"cannot answer a comment: a private reply is text only. Leave them out, or send []");
		}
		if (hasCards && rule.action() == RuleAction.AI) {
			throw new InvalidRequest("cards", "cannot go with action ai, whose answer is a text: use buttons, or text");
		}
		if (hasButtons) {
			if (rule.replyText().length() > RichContent.MAX_TEXT) {
				throw new InvalidRequest("reply_text", "must be at most 640 characters with buttons: it is the text "
						+ "of Meta's button template");
			}
			RichContent.checkButtons("buttons", buttons);
		}
		if (hasCards) {
			RichContent.check("cards", new RichContent.Carousel(cards));
		}
		if (!rule.publicReplies().isEmpty() && rule.trigger() != RuleTrigger.COMMENT) {
			throw new InvalidRequest("public_replies", "only apply with trigger comment: leave them out, or send []");
		}
		if (rule.typingSeconds() != null && (rule.typingSeconds() < 0 || rule.typingSeconds() > 5)) {
			throw new InvalidRequest("typing_seconds", "must be 0 to 5");
		}
	}

}
