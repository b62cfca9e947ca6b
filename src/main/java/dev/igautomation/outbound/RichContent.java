package dev.igautomation.outbound;

import java.util.List;

import dev.igautomation.system.HttpUrl;
import dev.igautomation.system.InvalidRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of message beyond text, attachments and quick replies, as the send API and rules take them: a text with
 * buttons (Meta's button template), cards (the generic template, shown as a carousel), and a reaction to one of the
 * user's messages. Meta's limits are checked by the annotations (and {@link #check}) before anything is stored or
 * sent, so that a violation is a 400 naming the field rather than a failed message:
 * <ul>
 * <li>button template: text "UTF-8-encoded text of up to 640 characters", "Set of 1-3 buttons" —
 * https://developers.facebook.com/documentation/business-messaging/instagram-messaging/button-template;</li>
 * <li>generic template: "Maximum of 10 elements"; title and subtitle "80 character limit"; "Maximum of 3 buttons per
 * element"; "At least one property must be set in addition to title" —
 * https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/template/generic
 * (Instagram's generic template page points to the same properties);</li>
 * <li>buttons: title "20 character limit", postback payload "1000 character limit" —
 * https://developers.facebook.com/docs/messenger-platform/reference/buttons/postback; URLs must be http or https
 * (Meta opens them in its in-app browser);</li>
 * <li>reactions: {@code sender_action} react or unreact with {@code payload.message_id}; Instagram's one reaction is
 * {@code love} — https://developers.facebook.com/documentation/business-messaging/instagram-messaging/features/sender-actions.</li>
 * </ul>
 */
public sealed interface RichContent {

	int MAX_TEXT = 640;

	int MAX_BUTTONS = 3;

	int MAX_CARDS = 10;

	int MAX_TITLE = 80;

	int MAX_BUTTON_TITLE = 20;

	int MAX_PAYLOAD = 1000;

	/** A text with 1 to 3 buttons under it. */
	record ButtonMessage(
			@Schema(description = "The text above the buttons, at most 640 characters", example = "What would you like?")
			@NotBlank(message = "is required") @Size(max = MAX_TEXT, message = "must be at most 640 characters")
			String text,
			@Schema(description = "1 to 3 buttons") @NotEmpty(message = "need 1 to 3 buttons")
			@Size(max = MAX_BUTTONS, message = "must be at most 3 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Button> buttons) implements RichContent {
	}

	/**
	 * A button: {@code web_url} opens {@code url}; {@code postback} sends {@code payload} back as a postback event
	 * (which a postback rule can answer).
	 */
	record Button(
			@Schema(allowableValues = { "web_url", "postback" }, example = "postback") @NotNull(message = "is required")
			@Pattern(regexp = "web_url|postback", message = "must be web_url or postback") String type,
			@Schema(description = "At most 20 characters", example = "Show the menu") @NotBlank(message = "is required")
			@Size(max = MAX_BUTTON_TITLE, message = "must be at most 20 characters (Meta's limit)") String title,
			@Schema(description = "With type web_url: the page it opens", example = "https://acme.example/menu")
			@HttpUrl @Size(max = 2000, message = "must be at most 2000 characters") @Nullable String url,
			@Schema(description = "With type postback: what comes back when it is tapped, at most 1000 characters",
					example = "MENU")
			@Size(min = 1, max = MAX_PAYLOAD, message = "must be 1 to 1000 characters (Meta's limit)")
			@Nullable String payload) {
	}

	/** A card of a carousel: a title and at least one of a subtitle, an image, a default URL or buttons. */
	record Card(
			@Schema(description = "At most 80 characters", example = "Summer dress") @NotBlank(message = "is required")
			@Size(max = MAX_TITLE, message = "must be at most 80 characters (Meta's limit)") String title,
			@Schema(description = "At most 80 characters", example = "49 EUR, sizes S to XL")
			@Size(max = MAX_TITLE, message = "must be at most 80 characters (Meta's limit)") @Nullable String subtitle,
			@Schema(example = "https://cdn.example.com/dress.jpg") @HttpUrl
			@Size(max = 2000, message = "must be at most 2000 characters") @Nullable String imageUrl,
			@Schema(description = "What tapping the card opens", example = "https://acme.example/dress")
			@HttpUrl @Size(max = 2000, message = "must be at most 2000 characters") @Nullable String defaultUrl,
			@Schema(description = "Up to 3 buttons") @Size(max = MAX_BUTTONS, message = "must be at most 3 (Meta's limit)")
			@Nullable List<@NotNull(message = "must not be null") @Valid Button> buttons) {
	}

	/** Up to 10 cards, shown as a carousel. */
	record Carousel(List<Card> cards) implements RichContent {
	}

	/** A reaction to one of the user's messages, or taking it back. */
	record Reaction(
			@Schema(description = "The mid of the user's message", example = "aWdfZAG1faWQ6MTpJR01lc3NhZA2VUaHJlYWQ6")
			@NotBlank(message = "is required") @Size(max = 512, message = "must be at most 512 characters")
			String messageId,
			@Schema(allowableValues = { "react", "unreact" }, example = "react") @NotNull(message = "is required")
			@Pattern(regexp = "react|unreact", message = "must be react or unreact") String action) implements RichContent {
	}

	/**
	 * What the annotations cannot say: which of a button's {@code url} and {@code payload} its type needs, and that
	 * a card has more than a title. {@code path} is where the content is in the request ({@code cards}).
	 */
	static void check(String path, RichContent content) {
		if (content instanceof ButtonMessage message) {
			checkButtons(path + ".buttons", message.buttons());
		}
		if (content instanceof Carousel carousel) {
			for (int i = 0; i < carousel.cards().size(); i++) {
				Card card = carousel.cards().get(i);
				String at = path + "[" + i + "]";
				if (card.subtitle() == null && card.imageUrl() == null && card.defaultUrl() == null
						&& (card.buttons() == null || card.buttons().isEmpty())) {
					throw new InvalidRequest(at, "needs a subtitle, an image_url, a default_url or buttons besides "
							+ "its title (Meta's rule)");
				}
				checkButtons(at + ".buttons", card.buttons());
			}
		}
	}

	/** Checks each button has the url or the payload its type needs, and not the other. */
	static void checkButtons(String path, List<Button> buttons) {
		if (buttons == null) {
			return;
		}
		for (int i = 0; i < buttons.size(); i++) {
			Button button = buttons.get(i);
			String at = path + "[" + i + "]";
			if ("web_url".equals(button.type()) && (button.url() == null || button.payload() != null)) {
				throw new InvalidRequest(button.url() == null ? at + ".url" : at + ".payload",
						button.url() == null ? "is required with type web_url" : "must be left out with type web_url");
			}
			if ("postback".equals(button.type()) && (button.payload() == null || button.url() != null)) {
				throw new InvalidRequest(button.payload() == null ? at + ".payload" : at + ".url",
						button.payload() == null ? "is required with type postback" : "must be left out with type postback");
			}
		}
	}

}
