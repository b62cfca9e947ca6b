package dev.igautomation.autoreply;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Auto-replies to a user of an account are off: one row per (account, user); an expired one is as good as none.
 * {@code until} null: until an operator resumes them. {@code reason}: {@code human_reply} (someone wrote from the
 * Instagram app), {@code api_send} (the CRM sent through the API) or {@code operator} (paused through the API).
 */
@Entity
@Table(name = "contact_pause")
@IdClass(Pause.Key.class)
class Pause {

	static final String HUMAN_REPLY = "human_reply";

	static final String API_SEND = "api_send";

	static final String OPERATOR = "operator";

	@Id
	private String accountId;

	@Id
	private String userId;

	@Column(name = "paused_until")
	private Instant until;

	private String reason;

	private Instant pausedAt;

	protected Pause() {
	}

	Pause(String accountId, String userId, Instant until, String reason, Instant pausedAt) {
		this.accountId = accountId;
		this.userId = userId;
		this.until = until;
		this.reason = reason;
		this.pausedAt = pausedAt;
	}

	String accountId() {
		return accountId;
	}

	String userId() {
		return userId;
	}

	Instant until() {
		return until;
	}

	String reason() {
		return reason;
	}

	Instant pausedAt() {
		return pausedAt;
	}

	/** A pause's identity: the account and the user. */
	record Key(String accountId, String userId) implements Serializable {

		Key() {
			this(null, null);
		}

	}

}
