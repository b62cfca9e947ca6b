package dev.igautomation.crm;

import java.util.Locale;

/** Where a delivery stands. */
enum DeliveryStatus {

	/** Waiting for its first or next attempt. */
	PENDING,
	/** The CRM answered 2xx. */
	DELIVERED,
	/** Every attempt failed: a dead letter, kept until retried by hand. */
	FAILED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DeliveryStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
