package dev.igautomation.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.account.AccountCredentials;
import dev.igautomation.account.SendingAccount;
import dev.igautomation.account.UnknownAccount;
import dev.igautomation.inbound.EventSource;
import dev.igautomation.inbound.InboundEvents;
import dev.igautomation.inbound.ReceivedEvent;
import dev.igautomation.instagram.GraphApiException;
import dev.igautomation.instagram.GraphClient;
import org.springframework.stereotype.Component;

/**
 * One slice of an account's history import: as many Conversations API calls as Meta's rate and the account's sends
 * leave room for, a conversation at a time, its progress stored after each. Pages of conversations come newest first;
 * the import ends at the first conversation last active before the period, or after the last page. One call reads a
 * page of {@value #PAGE_SIZE} conversations; one more reads each conversation's messages.
 */
@Component
class ImportSteps {

	static final int PAGE_SIZE = 25;

	private static final Logger log = LoggerFactory.getLogger(ImportSteps.class);

	private static final Duration SLICE = Duration.ofSeconds(5);

	private static final int MAX_FAILURES_IN_A_ROW = 8;

	private static final TypeReference<List<GraphClient.Conversation>> CONVERSATIONS = new TypeReference<>() {
	};

	private final HistoryImportRepository imports;

	private final AccountCredentials credentials;

	private final GraphClient graph;

	private final ConversationReader reader;

	private final InboundEvents inbound;

	private final ConversationsBudget budget;

	private final JsonMapper json;

	private final Clock clock;

	ImportSteps(HistoryImportRepository imports, AccountCredentials credentials, GraphClient graph, ConversationReader reader,
			InboundEvents inbound, ConversationsBudget budget, JsonMapper json, Clock clock) {
		this.imports = imports;
		this.credentials = credentials;
		this.graph = graph;
		this.reader = reader;
		this.inbound = inbound;
		this.budget = budget;
		this.json = json;
		this.clock = clock;
	}

	/** Runs a slice of the account's import; answers when to run the next, or null when the import is over. */
	Instant run(String accountId) {
		HistoryImport history = imports.findById(accountId).filter(HistoryImport::isRunning).orElse(null);
		if (history == null) {
			return null;
		}
		SendingAccount account;
		try {
			account = credentials.sendingAccount(accountId);
		}
		catch (UnknownAccount gone) {
			return stop(history, "The account was removed.");
		}
		if (!account.tokenValid()) {
			return stop(history, "Meta rejected the account's access token: " + account.tokenError());
		}
		try {
			return slice(history, account);
		}
		catch (GraphApiException ex) {
			return failedCall(history, ex);
		}
	}

	private Instant slice(HistoryImport history, SendingAccount account) {
		Instant deadline = clock.instant().plus(SLICE);
		while (clock.instant().isBefore(deadline)) {
			if (!budget.tryCall(account.id())) {
				return clock.instant().plus(budget.retryAfter());
			}
			if (history.getPageConversations() == null) {
				GraphClient.ConversationPage page = graph.conversations(account.accessToken(), history.getPageCursor(),
						PAGE_SIZE);
				history.pageRead(json.writeValueAsString(page.conversations()), page.after(), clock.instant());
				imports.save(history);
				continue;
			}
			List<GraphClient.Conversation> page = json.readValue(history.getPageConversations(), CONVERSATIONS);
			if (history.getPagePosition() >= page.size()) {
				if (history.getPageCursor() == null) {
					return finish(history);
				}
				history.pageDone(clock.instant());
				imports.save(history);
				continue;
			}
			GraphClient.Conversation conversation = page.get(history.getPagePosition());
			Instant active = ConversationReader.time(conversation.updatedTime());
			if (active != null && active.isBefore(history.getSince())) {
				return finish(history);
			}
			List<ReceivedEvent> events = reader.messages(account.accessToken(), account.instagramAccountId(),
					conversation.id(), history.getSince());
			InboundEvents.Recorded recorded = inbound.record(events, EventSource.IMPORT);
			history.conversationImported(events.size(), recorded.stored(), clock.instant());
			imports.save(history);
		}
		return clock.instant();
	}

	private Instant finish(HistoryImport history) {
		history.finished(clock.instant());
		imports.save(history);
		if (history.getConversationsDone() > 0) {
			log.info("History of account {} imported: {} conversations, {} messages ({} new)", history.getAccountId(),
					history.getConversationsDone(), history.getMessagesRead(), history.getMessagesStored());
		}
		return null;
	}

	private Instant stop(HistoryImport history, String reason) {
		history.failed(reason, clock.instant());
		imports.save(history);
		log.warn("History import of account {} stopped: {}", history.getAccountId(), reason);
		return null;
	}

	private Instant failedCall(HistoryImport history, GraphApiException ex) {
		if (ex.kind() == GraphApiException.Kind.TOKEN_INVALID) {
			credentials.markTokenInvalid(history.getAccountId(), ex.getMessage());
			return stop(history, "Meta rejected the account's access token: " + ex.getMessage());
		}
		int inARow = history.failedOnce(ex.getMessage(), clock.instant());
		if (ex.kind() != GraphApiException.Kind.TRANSIENT || inARow >= MAX_FAILURES_IN_A_ROW) {
			return stop(history, ex.getMessage());
		}
		imports.save(history);
		Duration wait = Duration.ofSeconds(5L << Math.min(inARow, 8));
		if (ex.retryAfter() != null && ex.retryAfter().compareTo(wait) > 0) {
			wait = ex.retryAfter();
		}
		log.info("History import of account {}: {} ({} in a row); going on in {}", history.getAccountId(),
				ex.getMessage(), inARow, wait);
		return clock.instant().plus(wait);
	}

}
