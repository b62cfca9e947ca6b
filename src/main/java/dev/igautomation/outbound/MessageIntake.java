package dev.igautomation.outbound;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.OutgoingMessage;
import dev.igautomation.system.Ids;
import dev.igautomation.system.Sha256;
import org.springframework.stereotype.Component;

/**
 * What every message goes through before it is stored: made into the Graph API's body, fingerprinted (so a retry of
 * the same request is told from a new one under a used key), and checked against what the account may send.
 */
@Component
class MessageIntake {

	private final AccountCredentials credentials;

	private final MessagingWindow window;

	private final OutboundMessageStore store;

	private final JsonMapper json;

	MessageIntake(AccountCredentials credentials, MessagingWindow window, OutboundMessageStore store,
			JsonMapper json) {
		this.credentials = credentials;
		this.window = window;
		this.store = store;
		this.json = json;
	}

	PreparedMessage prepare(SendCommand command) {
		SendingAccount account = credentials.sendingAccount(command.accountId());
		String body = json.writeValueAsString(toGraph(command));
		String key = command.idempotencyKey() != null ? command.idempotencyKey() : Ids.next("auto");
		return new PreparedMessage(Ids.next("msg"), command, account, key, body, Sha256.hex(body));
	}

	/** Refuses a message the account may not send now: its token was rejected, or the user's window is closed. */
	void check(PreparedMessage prepared) {
		SendingAccount account = prepared.account();
		if (!account.tokenValid()) {
			throw new AccountTokenInvalid(account.id(), account.tokenError());
		}
		if (prepared.command().commentId() == null) {
			window.check(account, prepared.command().recipientId(), prepared.command().tag());
		}
	}

	/** The message stored before under the prepared one's key, if any. */
	Optional<OutboundMessage> earlier(PreparedMessage prepared) {
		return store.findByKey(prepared.accountId(), prepared.key());
	}

	private static OutgoingMessage toGraph(SendCommand command) {
		OutgoingMessage.Recipient recipient = command.commentId() != null
				? OutgoingMessage.Recipient.commentAuthor(command.commentId())
				: OutgoingMessage.Recipient.user(command.recipientId());
		boolean tagged = command.tag() != null;
		OutgoingMessage.ReplyTo replyTo = command.replyTo() == null ? null
				: new OutgoingMessage.ReplyTo(command.replyTo());
		if (command.rich() instanceof RichContent.Reaction reaction) {
			boolean react = "react".equals(reaction.action());
			return new OutgoingMessage(recipient, null, null, null, null, reaction.action(), new OutgoingMessage.ActionPayload(reaction.messageId(), react ? "love" : null));
		}
		return OutgoingMessage.ofMessage(recipient, contentOf(command), replyTo, tagged ? "MESSAGE_TAG" : null,
				command.tag());
	}

	private static OutgoingMessage.Content contentOf(SendCommand command) {
		if (command.rich() instanceof RichContent.ButtonMessage buttons) {
			return new OutgoingMessage.Content(null,
					OutgoingMessage.Attachment.buttons(buttons.text(), buttons(buttons.buttons())), null);
		}
		if (command.rich() instanceof RichContent.Carousel carousel) {
			return new OutgoingMessage.Content(null, OutgoingMessage.Attachment.generic(carousel.cards()
				.stream()
				.map(card -> new OutgoingMessage.Element(card.title(), card.subtitle(), card.imageUrl(),
						card.defaultUrl() == null ? null : new OutgoingMessage.DefaultAction("web_url", card.defaultUrl()),
						buttons(card.buttons())))
				.toList()), null);
		}
		OutgoingMessage.Attachment attachment = command.attachment() == null ? null
				: new OutgoingMessage.Attachment(command.attachment().type(),
						OutgoingMessage.Attachment.Payload.ofUrl(command.attachment().url()));
		List<OutgoingMessage.QuickReply> quickReplies = command.quickReplies() == null ? null
				: command.quickReplies()
					.stream()
					.map(reply -> OutgoingMessage.QuickReply.text(reply.title(), reply.payload()))
					.toList();
		return new OutgoingMessage.Content(command.text(), attachment, quickReplies);
	}

	private static List<OutgoingMessage.Button> buttons(List<RichContent.Button> buttons) {
		return buttons == null || buttons.isEmpty() ? null : buttons.stream()
			.map(button -> new OutgoingMessage.Button(button.type(), button.title(), button.url(), button.payload()))
			.toList();
	}

}
