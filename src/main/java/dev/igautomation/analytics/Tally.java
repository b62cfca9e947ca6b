package dev.igautomation.analytics;

/**
 * The counts of one account over a stretch of time, which add up: a slot's, a day's, a period's. Messages count by
 * the events' own times, sends and deliveries by when they were made.
 *
 * @param received the users' direct messages
 * @param echoes the account's own messages, from this service or the Instagram app
 * @param recovered events read from the Conversations API because no webhook delivered them
 */
record Tally(long received, long echoes, long recovered, long sendsSent, long sendsRead, long sendsFailed,
		long sendsPending, long autoReplies, long delivered, long deliveryFailed, long deliveryPending) {

	static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** Columns of {@code analytics_slot}, in the order of the components. */
	static final String COLUMNS = "received, echoes, recovered, sends_sent, sends_read, sends_failed, sends_pending, "
			+ "auto_replies, delivered, delivery_failed, delivery_pending";

	static Tally of(long[] counts) {
		return new Tally(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7],
				counts[8], counts[9], counts[10]);
	}

	long[] counts() {
		return new long[] { received, echoes, recovered, sendsSent, sendsRead, sendsFailed, sendsPending, autoReplies,
				delivered, deliveryFailed, deliveryPending };
	}

	Tally plus(Tally other) {
		long[] sum = counts();
		long[] more = other.counts();
		for (int i = 0; i < sum.length; i++) {
			sum[i] += more[i];
		}
		return of(sum);
	}

}
