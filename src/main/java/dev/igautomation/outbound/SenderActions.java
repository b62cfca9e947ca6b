package dev.igautomation.outbound;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import dev.igautomation.instagram.OutgoingMessage;
import org.springframework.stereotype.Service;

/**
 * Sender actions — a typing indicator, or the conversation marked seen — shown to a user at once. They are not
 * messages: nothing is stored or retried (a typing indicator shown late is worse than none), so a failure is told to
 * the caller. The messaging window applies as to messages.
 */
@Service
public class SenderActions {

	/** The actions Meta takes: https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/messaging-api/sender-actions */
	public enum Action {

		TYPING_ON, TYPING_OFF, MARK_SEEN;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final AccountCredentials credentials;

	private final MessagingWindow window;

	private final GraphClient graph;

	SenderActions(AccountCredentials credentials, MessagingWindow window, GraphClient graph) {
		this.credentials = credentials;
		this.window = window;
		this.graph = graph;
	}

	/**
	 * Shows {@code action} to the user now. Throws {@link AccountTokenInvalid} or {@link OutsideMessagingWindow}
	 * before any call when Meta would refuse, and {@link SenderActionRefused} with Meta's error after one.
	 */
	public void show(String accountId, String userId, Action action) {
		SendingAccount account = credentials.sendingAccount(accountId);
		if (!account.tokenValid()) {
			throw new AccountTokenInvalid(account.id(), account.tokenError());
		}
		window.check(account, userId, null);
		try {
			graph.send(account.accessToken(), OutgoingMessage.ofSenderAction(userId, action.value()));
		}
		catch (GraphApiException ex) {
			if (ex.kind() == GraphApiException.Kind.TOKEN_INVALID) {
				credentials.markTokenInvalid(accountId, ex.getMessage());
			}
			throw new SenderActionRefused(ex);
		}
	}

}
