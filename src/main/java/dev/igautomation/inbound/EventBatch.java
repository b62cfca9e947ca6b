package dev.igautomation.inbound;

import java.util.List;

/**
 * The data of the processing jobs that earlier versions queued ({@code inbound-events}); kept so that jobs still
 * queued when the service is upgraded are handed to today's listeners.
 */
record EventBatch(List<String> eventIds) {
}
