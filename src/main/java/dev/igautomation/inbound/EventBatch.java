package dev.igautomation.inbound;

import java.util.List;

/**
 * The data of a processing job: the events stored together in one transaction, processed together.
 */
record EventBatch(List<String> eventIds) {
}
