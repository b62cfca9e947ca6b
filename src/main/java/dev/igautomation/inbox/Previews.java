package dev.igautomation.inbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.StoredEvent;

/** What a stored message shows: its attachments as the inbox lists them, and a one-line preview for the list. */
final class Previews {

	static final int PREVIEW_LENGTH = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Previews() {
	}

	static List<ThreadItem.Attachment> attachments(String json) {
		List<ThreadItem.Attachment> attachments = new ArrayList<>();
		if (json == null || json.isBlank()) {
			return attachments;
		}
		JsonNode all = JSON.readTree(json);
		for (int i = 0; i < (all.isArray() ? all.size() : 1); i++) {
			JsonNode attachment = all.isArray() ? all.get(i) : all;
			JsonNode payload = attachment.path("payload");
			attachments.add(new ThreadItem.Attachment(attachment.path("type").asString("file"),
					payload.path("url").asString(null), payload.path("title").asString(null)));
		}
		return attachments;
	}

	/** A field of the event's details ({@code reply_to.story.url}...), or null. */
	static String detail(String details, String pointer) {
		if (details == null || details.isBlank()) {
			return null;
		}
		return JSON.readTree(details).at(pointer).asString(null);
	}

	static String of(StoredEvent event) {
		if (event.text() != null && !event.text().isBlank()) {
			String text = event.text().strip().replaceAll("\\s+", " ");
			return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
		}
		if (event.kind() == EventKind.REFERRAL) {
			return "[opened the conversation from a link]";
		}
		List<ThreadItem.Attachment> attachments = attachments(event.attachments());
		if (!attachments.isEmpty()) {
			return "[" + label(attachments.get(0).type()) + "]";
		}
		return "[message]";
	}

	static String label(String type) {
		return switch (type) {
			case "image" -> "image";
			case "video" -> "video";
			case "audio" -> "audio";
			case "story_mention" -> "story mention";
			case "ig_reel", "reel" -> "reel";
			case "ig_post", "share" -> "shared post";
			default -> "file";
		};
	}

}
