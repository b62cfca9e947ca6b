package dev.igautomation.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.igautomation.account.AccountDetails;
import dev.igautomation.account.Accounts;
import dev.igautomation.autoreply.ContactStates;
import dev.igautomation.operator.Operator;
import dev.igautomation.operator.Operators;
import dev.igautomation.security.Caller;
import dev.igautomation.system.Cursor;
import dev.igautomation.system.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox for the API and the console alike: conversations newest activity first with their filters, one
 * conversation, its thread, and what people set on it — read, assignee, open or done. A conversation of an account
 * the caller may not see is absent (404).
 */
@Service
public class Inbox {

	/** How many users with the bot paused the {@code bot_paused} filter looks among, per account. */
	private static final int PAUSED_USERS = 1000;

	private final ConversationStore store;

	private final Threads threads;

	private final Accounts accounts;

	private final ContactStates contacts;

	private final Operators operators;

	private final InboxChanges changes;

	private final Clock clock;

	Inbox(ConversationStore store, Threads threads, Accounts accounts, ContactStates contacts, Operators operators,
			InboxChanges changes, Clock clock) {
		this.store = store;
		this.threads = threads;
		this.accounts = accounts;
		this.contacts = contacts;
		this.operators = operators;
		this.changes = changes;
		this.clock = clock;
	}

	/** Which conversations to list; none: the open ones. */
	public enum Filter {

		UNREAD, ASSIGNED_TO_ME, BOT_PAUSED, WINDOW_OPEN, DONE

	}

	/**
	 * What to list: of {@code accountIds} (null: every account the caller may see), narrowed by {@code filter},
	 * {@code assigneeId} and {@code search} (a part of the username, name or last message); {@code me} is the operator
	 * asking, null for an API key.
	 */
	public record Listing(List<String> accountIds, Filter filter, String assigneeId, String search, String me) {
	}

	@Transactional(readOnly = true)
	public Page<InboxConversation> list(Caller caller, Listing listing, String cursor, int limit) {
		List<String> accountIds = listing.accountIds();
		if (accountIds == null) {
			accountIds = accounts.list(caller, null, 1000).stream().map(AccountDetails::id).toList();
		}
		else {
			accountIds.forEach(id -> accounts.requireAccessible(caller, id));
		}
		if (accountIds.isEmpty()) {
			return new Page<>(List.of(), null);
		}
		Filter filter = listing.filter();
		String assignee = listing.assigneeId();
		if (filter == Filter.ASSIGNED_TO_ME) {
			if (listing.me() == null) {
				throw new FilterNeedsOperator();
			}
			assignee = listing.me();
		}
		List<String> paused = null;
		if (filter == Filter.BOT_PAUSED) {
			paused = new ArrayList<>();
			for (String accountId : accountIds) {
				paused.addAll(contacts.pausedUsers(accountId, PAUSED_USERS));
			}
		}
		String search = listing.search() == null || listing.search().isBlank() ? null : listing.search().strip();
		ConversationStore.Query query = new ConversationStore.Query(accountIds, filter == Filter.DONE,
				filter == Filter.UNREAD, assignee, paused,
				filter == Filter.WINDOW_OPEN ? clock.instant().minus(InboxConversation.WINDOW) : null, search);
		ConversationStore.Position after = null;
		if (cursor != null) {
			String[] parts = Cursor.decode(cursor, 3);
			after = new ConversationStore.Position(Cursor.instant(parts[0]), parts[1], parts[2]);
		}
		List<ConversationRow> rows = store.list(query, after, limit + 1);
		Page<ConversationRow> page = Page.of(rows, limit, row -> Cursor.encode(row.lastActivityAt().toString(),
				row.accountId(), row.userId()));
		return new Page<>(views(page.items()), page.nextCursor());
	}

	@Transactional(readOnly = true)
	public InboxConversation get(Caller caller, String accountId, String userId) {
		return views(List.of(row(caller, accountId, userId))).get(0);
	}

	public Page<ThreadItem> thread(Caller caller, String accountId, String userId, String cursor, int limit) {
		row(caller, accountId, userId);
		return threads.page(accounts.requireAccessible(caller, accountId), userId, cursor, limit);
	}

	/** Everything the user wrote so far is read, for every operator of the account. */
	@Transactional
	public InboxConversation markRead(Caller caller, String accountId, String userId) {
		ConversationRow row = row(caller, accountId, userId);
		Instant now = clock.instant();
		Instant upTo = row.lastActivityAt().isAfter(now) ? row.lastActivityAt() : now;
		return saved(new ConversationRow(row.accountId(), row.userId(), row.username(), row.name(), row.firstSeenAt(),
				row.lastActivityAt(), row.lastPreview(), row.lastDirection(), row.lastUserMessageAt(),
				row.messageCount(), upTo, 0, row.assigneeId(), row.state(), row.doneAt(), now), "read");
	}

	/** Assigns the conversation to an operator who may work on the account; null unassigns it. */
	@Transactional
	public InboxConversation assign(Caller caller, String accountId, String userId, String operatorId) {
		ConversationRow row = row(caller, accountId, userId);
		if (operatorId != null && operators.find(operatorId)
			.filter(operator -> operator.enabled() && operator.canAccess(accountId))
			.isEmpty()) {
			throw new UnknownAssignee(operatorId, accountId);
		}
		return saved(new ConversationRow(row.accountId(), row.userId(), row.username(), row.name(), row.firstSeenAt(),
				row.lastActivityAt(), row.lastPreview(), row.lastDirection(), row.lastUserMessageAt(),
				row.messageCount(), row.readUpTo(), row.unreadCount(), operatorId, row.state(), row.doneAt(),
				clock.instant()), "assignee");
	}

	/** Done: closed until the user writes again; open: back in the list now. */
	@Transactional
	public InboxConversation setState(Caller caller, String accountId, String userId, boolean done) {
		ConversationRow row = row(caller, accountId, userId);
		Instant now = clock.instant();
		return saved(new ConversationRow(row.accountId(), row.userId(), row.username(), row.name(), row.firstSeenAt(),
				row.lastActivityAt(), row.lastPreview(), row.lastDirection(), row.lastUserMessageAt(),
				row.messageCount(), row.readUpTo(), row.unreadCount(), row.assigneeId(),
				done ? ConversationRow.DONE : ConversationRow.OPEN, done ? now : null, now), "state");
	}

	/** Auto-replies to the user are back on; true if they were paused. */
	public boolean resumeBot(Caller caller, String accountId, String userId) {
		row(caller, accountId, userId);
		boolean resumed = contacts.resume(accountId, userId);
		changes.record(accountId, userId, "bot");
		return resumed;
	}

	private InboxConversation saved(ConversationRow row, String change) {
		store.save(row);
		changes.record(row.accountId(), row.userId(), change);
		return views(List.of(row)).get(0);
	}

	private ConversationRow row(Caller caller, String accountId, String userId) {
		accounts.requireAccessible(caller, accountId);
		return store.find(accountId, userId).orElseThrow(() -> new UnknownConversation(accountId, userId));
	}

	private List<InboxConversation> views(List<ConversationRow> rows) {
		Map<String, Optional<String>> names = new HashMap<>();
		Instant now = clock.instant();
		List<InboxConversation> views = new ArrayList<>(rows.size());
		for (ConversationRow row : rows) {
			Optional<ContactStates.BotPause> pause = contacts.pause(row.accountId(), row.userId());
			String assigneeName = row.assigneeId() == null ? null : names.computeIfAbsent(row.assigneeId(),
					id -> operators.find(id).map(Operator::displayName)).orElse(null);
			views.add(InboxConversation.of(row, pause, assigneeName, now));
		}
		return views;
	}

}
