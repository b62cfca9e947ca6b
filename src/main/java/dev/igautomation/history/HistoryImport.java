package dev.igautomation.history;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The history import of one account (its latest): where it stands, and where it goes on from after a pause or a
 * restart — the page of conversations being imported (kept, so it is not asked for again), the position in it, and
 * the cursor of the page after it.
 */
@Entity
@Table(name = "history_import")
class HistoryImport {

	static final String RUNNING = "running";

	static final String DONE = "done";

	static final String FAILED = "failed";

	private static final int MAX_ERROR = 1000;

	@Id
	private String accountId;

	private String state;

	private Instant since;

	private String pageCursor;

	private String pageConversations;

	private int pagePosition;

	private int conversationsDone;

	private int messagesRead;

	private int messagesStored;

	private int errors;

	private String lastError;

	private Instant startedAt;

	private Instant updatedAt;

	private Instant finishedAt;

	protected HistoryImport() {
	}

	HistoryImport(String accountId) {
		this.accountId = accountId;
	}

	/** Starts (again) from the newest conversation, importing what is newer than {@code since}. */
	void start(Instant since, Instant now) {
		this.state = RUNNING;
		this.since = since;
		this.pageCursor = null;
		this.pageConversations = null;
		this.pagePosition = 0;
		this.conversationsDone = 0;
		this.messagesRead = 0;
		this.messagesStored = 0;
		this.errors = 0;
		this.lastError = null;
		this.startedAt = now;
		this.updatedAt = now;
		this.finishedAt = null;
	}

	void conversationImported(int read, int stored, Instant now) {
		this.pagePosition++;
		this.conversationsDone++;
		this.messagesRead += read;
		this.messagesStored += stored;
		this.errors = 0;
		this.updatedAt = now;
	}

	/** A page was read: its conversations (as JSON), and the cursor of the next page, null on the last. */
	void pageRead(String conversations, String nextCursor, Instant now) {
		this.pageConversations = conversations;
		this.pageCursor = nextCursor;
		this.pagePosition = 0;
		this.updatedAt = now;
	}

	/** The page is imported: the next one is read with {@link #getPageCursor}. */
	void pageDone(Instant now) {
		this.pageConversations = null;
		this.pagePosition = 0;
		this.updatedAt = now;
	}

	void finished(Instant now) {
		this.state = DONE;
		this.updatedAt = now;
		this.finishedAt = now;
	}

	/** A call failed; answers how many have failed in a row. */
	int failedOnce(String error, Instant now) {
		this.errors++;
		this.lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
		this.updatedAt = now;
		return errors;
	}

	void failed(String error, Instant now) {
		failedOnce(error, now);
		this.state = FAILED;
		this.finishedAt = now;
	}

	boolean isRunning() {
		return RUNNING.equals(state);
	}

	String getAccountId() {
		return accountId;
	}

	String getState() {
		return state;
	}

	Instant getSince() {
		return since;
	}

	String getPageCursor() {
		return pageCursor;
	}

	String getPageConversations() {
		return pageConversations;
	}

	int getPagePosition() {
		return pagePosition;
	}

	int getConversationsDone() {
		return conversationsDone;
	}

	int getMessagesRead() {
		return messagesRead;
	}

	int getMessagesStored() {
		return messagesStored;
	}

	int getErrors() {
		return errors;
	}

	String getLastError() {
		return lastError;
	}

	Instant getStartedAt() {
		return startedAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	Instant getFinishedAt() {
		return finishedAt;
	}

}
