package dev.igautomation.inbox;

/** Changes up to {@code id} were recorded here; live pages are told once their transaction commits. */
record InboxChangesCommitted(long id) {
}
