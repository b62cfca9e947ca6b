package dev.igautomation.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.igautomation.account.AccountSummary;
import dev.igautomation.autoreply.ContactStates;
import dev.igautomation.inbound.ConversationEvents;
import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.StoredEvent;
import dev.igautomation.outbound.Outbound;
import dev.igautomation.outbound.SentMessage;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.Page;
import org.springframework.stereotype.Component;

/**
 * A conversation's thread, newest first, page by page: the stored events (the user's messages, and echoes of what a
 * person wrote in the Instagram app) merged with the messages sent through this service (whose echoes are left out,
 * since the sent message says more: its source and status). Both are read from their own index from the cursor on,
 * and merged by time; reactions, edits and unsends are shown on the message they change.
 */
@Component
class Threads {

	/** At one time, sends come before events (newest first); the cursor names the kind of its item. */
	private static final int EVENT = 0;

	private static final int SEND = 1;

	private final ConversationEvents events;

	private final Outbound outbound;

	private final ContactStates contacts;

	Threads(ConversationEvents events, Outbound outbound, ContactStates contacts) {
		this.events = events;
		this.outbound = outbound;
		this.contacts = contacts;
	}

	private record Position(Instant at, int rank, String id) {

		boolean after(Position other) {
			int byTime = at.compareTo(other.at);
			return byTime < 0 || (byTime == 0 && rank < other.rank);
		}

	}

	private record Row(Position position, StoredEvent event, SentMessage sent) {
	}

	Page<ThreadItem> page(AccountSummary account, String userId, String cursor, int limit) {
		Position from = cursor == null ? null : decode(cursor);
		List<StoredEvent> stored = events.thread(account.instagramAccountId(), userId,
				from == null ? null : from.rank() == EVENT ? from.at() : from.at().plus(Duration.ofNanos(1000)),
				from == null ? null : from.rank() == EVENT ? from.id() : "", limit + 1);
		List<SentMessage> sent = outbound.sentTo(account.id(), userId, from == null ? null : from.at(),
				from == null ? null : from.rank() == SEND ? from.id() : "", limit + 1);
		Position horizon = null;
		if (stored.size() > limit) {
			horizon = new Position(stored.get(limit).timestamp(), EVENT, stored.get(limit).id());
		}
		if (sent.size() > limit) {
			Position last = new Position(sent.get(limit).createdAt(), SEND, sent.get(limit).id());
			horizon = horizon == null || horizon.after(last) ? last : horizon;
		}
		Set<String> echoedSends = outbound.sentHere(account.id(), stored.stream()
			.filter(event -> event.kind() == EventKind.ECHO && event.mid() != null)
			.map(StoredEvent::mid)
			.toList());
		List<Row> rows = new ArrayList<>();
		Position last = null;
		boolean more = horizon != null;
		for (Row row : merged(stored, sent)) {
			if (horizon != null && row.position().after(horizon)) {
				break;
			}
			if (rows.size() == limit) {
				more = true;
				break;
			}
			last = row.position();
			if (row.event() == null || row.event().kind() != EventKind.ECHO || !echoedSends.contains(row.event().mid())) {
				rows.add(row);
			}
		}
		List<ThreadItem> items = items(account, userId, rows);
		String next = more && last != null ? Cursor.encode(last.at().toString(), String.valueOf(last.rank()), last.id())
				: null;
		return new Page<>(items, next);
	}

	private static List<Row> merged(List<StoredEvent> stored, List<SentMessage> sent) {
		List<Row> rows = new ArrayList<>(stored.size() + sent.size());
		int e = 0;
		int s = 0;
		while (e < stored.size() || s < sent.size()) {
			Row event = e < stored.size() ? new Row(new Position(stored.get(e).timestamp(), EVENT, stored.get(e).id()),
					stored.get(e), null) : null;
			Row send = s < sent.size() ? new Row(new Position(sent.get(s).createdAt(), SEND, sent.get(s).id()), null,
					sent.get(s)) : null;
			if (send == null || (event != null && send.position().after(event.position()))) {
				rows.add(event);
				e++;
			}
			else {
				rows.add(send);
				s++;
			}
		}
		return rows;
	}

	private List<ThreadItem> items(AccountSummary account, String userId, List<Row> rows) {
		Instant oldest = rows.stream().map(row -> row.position().at()).min(Instant::compareTo).orElse(null);
		Changes changes = oldest == null ? new Changes()
				: Changes.of(events.changesSince(account.instagramAccountId(), userId, oldest));
		Map<String, Optional<ContactStates.RuleLabel>> rules = new HashMap<>();
		List<ThreadItem> items = new ArrayList<>(rows.size());
		for (Row row : rows) {
			if (row.event() != null) {
				items.add(item(row.event(), changes));
			}
			else {
				SentMessage sent = row.sent();
				Optional<ContactStates.RuleLabel> rule = sent.ruleId() == null ? Optional.empty()
						: rules.computeIfAbsent(sent.ruleId(), id -> contacts.rule(account.id(), id));
				items.add(item(sent, rule, changes));
			}
		}
		return items;
	}

	private static ThreadItem item(StoredEvent event, Changes changes) {
		boolean fromUser = event.direction() == Direction.INBOUND;
		String mid = event.mid();
		Changes.Edit edit = mid == null ? null : changes.edits.get(mid);
		return new ThreadItem(event.id(), event.timestamp(), fromUser ? "inbound" : "outbound",
				event.kind() == EventKind.ECHO ? "message" : event.kind().value(),
				edit != null ? edit.text() : event.text(), Previews.attachments(event.attachments()),
				Previews.detail(event.details(), "/reply_to/story/url"), changes.reactionsOn(mid),
				mid != null && changes.unsent.contains(mid), edit == null ? null : edit.at(),
				fromUser ? "user" : "instagram_app", null, null, null, null, null);
	}

	private static ThreadItem item(SentMessage sent, Optional<ContactStates.RuleLabel> rule, Changes changes) {
		String source = switch (sent.source()) {
			case "auto_reply" -> rule.map(label -> label.ai() ? "ai" : "auto_reply").orElse("auto_reply");
			default -> sent.source();
		};
		return new ThreadItem(sent.id(), sent.createdAt(), "outbound", "message", sent.text(), List.of(), null,
				changes.reactionsOn(sent.instagramMessageId()), false, null, source, sent.ruleId(),
				rule.map(ContactStates.RuleLabel::name).orElse(null), sent.status(), sent.errorMessage(), sent.tag());
	}

	private static Position decode(String cursor) {
		String[] parts = Cursor.decode(cursor, 3);
		if (!"0".equals(parts[1]) && !"1".equals(parts[1])) {
			throw new Cursor.InvalidCursor();
		}
		return new Position(Cursor.instant(parts[0]), Integer.parseInt(parts[1]), parts[2]);
	}

}
