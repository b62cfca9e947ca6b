package dev.igautomation.autoreply;

import java.util.List;

import dev.igautomation.outbound.RichContent;

/**
 * What a rule answers with beyond its text: buttons under its reply text (Meta's button template), or cards (a
 * carousel). At most one of them; both null for a text reply.
 */
public record RuleReply(List<RichContent.Button> buttons, List<RichContent.Card> cards) {

	static final RuleReply TEXT = new RuleReply(null, null);

	boolean textOnly() {
		return (buttons == null || buttons.isEmpty()) && (cards == null || cards.isEmpty());
	}

	/** The message to send, with {@code text} (the rendered reply text) above the buttons; null for a text reply. */
	RichContent content(String text) {
		if (buttons != null && !buttons.isEmpty()) {
			return new RichContent.ButtonMessage(text, buttons);
		}
		if (cards != null && !cards.isEmpty()) {
			return new RichContent.Carousel(cards);
		}
		return null;
	}

}
