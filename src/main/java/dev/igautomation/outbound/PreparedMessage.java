package dev.igautomation.outbound;

import java.time.Instant;

import dev.igautomation.account.SendingAccount;

/** A send command with everything derived from it: its id, its account, its key, its Graph body and its hash. */
record PreparedMessage(String id, SendCommand command, SendingAccount account, String key, String body,
		String hash) {

	String accountId() {
		return account.id();
	}

	OutboundMessageStore.NewMessage toNew() {
		return new OutboundMessageStore.NewMessage(id, account.id(), key, hash, command.recipientId(),
				command.commentId(), body, command.text(), command.tag(), command.source().value(), command.ruleId());
	}

	/** The message as just stored, taken for its first attempt at {@code now}. */
	OutboundMessage asTaken(Instant now, Instant inFlightUntil) {
		return new OutboundMessage(id, account.id(), key, hash, command.recipientId(), command.commentId(), body,
				command.text(), command.tag(), command.source().value(), MessageStatus.SENDING, 1, null, null, null,
				null, null, null, now, inFlightUntil, now, now, null, null, command.ruleId());
	}

}
