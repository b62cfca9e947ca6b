package dev.igautomation.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.igautomation.support.Api;
import dev.igautomation.support.Stubs;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * An Instagram account's conversations as Meta's Conversations API shows them, on the Graph API stub, for one access
 * token: pages of conversations, newest first, and each conversation's messages in Meta's shapes.
 */
final class MetaConversations {

	static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
		.withZone(ZoneOffset.UTC);

	final String accessToken = "IGAAT-" + UUID.randomUUID();

	final String instagramAccountId = Api.randomInstagramId();

	private final List<List<ObjectNode>> pages = new ArrayList<>();

	/** A message of a conversation: from the user, or from the account ({@code fromAccount}). */
	record Message(String mid, String userId, boolean fromAccount, String text, Instant at) {
	}

	/** Adds a page holding one conversation per entry, each with its messages; answers the conversations' ids. */
	List<String> page(Map<Instant, List<Message>> conversations) {
		List<ObjectNode> page = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		conversations.forEach((updated, messages) -> {
			String id = "t_" + UUID.randomUUID();
			ids.add(id);
			ObjectNode conversation = Api.json().createObjectNode();
			conversation.put("id", id);
			conversation.put("updated_time", GRAPH_TIME.format(updated));
			page.add(conversation);
			ObjectNode body = Api.json().createObjectNode();
			body.put("id", id);
			ArrayNode data = body.putObject("messages").putArray("data");
			messages.forEach(message -> data.add(messageJson(message)));
			Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/" + id)).withHeader("Authorization", bearer())
				.willReturn(okJson(Api.json().writeValueAsString(body))));
		});
		pages.add(page);
		return ids;
	}

	/** Publishes the pages added so far on the stub, linked by cursors. */
	void publish() {
		for (int i = 0; i < pages.size(); i++) {
			ObjectNode body = Api.json().createObjectNode();
			ArrayNode data = body.putArray("data");
			pages.get(i).forEach(data::add);
			if (i + 1 < pages.size()) {
				body.putObject("paging").put("next", "https://graph.instagram.com/next").putObject("cursors")
					.put("after", "cursor-" + (i + 1));
			}
			Stubs.graph().stubFor(get(urlPathEqualTo("/v25.0/me/conversations")).withHeader("Authorization", bearer())
				.withQueryParam("after", i == 0 ? absent() : equalTo("cursor-" + i))
				.willReturn(okJson(Api.json().writeValueAsString(body))));
		}
	}

	private ObjectNode messageJson(Message message) {
		ObjectNode json = Api.json().createObjectNode();
		json.put("id", message.mid());
		json.put("created_time", GRAPH_TIME.format(message.at()));
		String from = message.fromAccount() ? instagramAccountId : message.userId();
		String to = message.fromAccount() ? message.userId() : instagramAccountId;
		json.putObject("from").put("id", from).put("username", "user_" + from);
		json.putObject("to").putArray("data").addObject().put("id", to).put("username", "user_" + to);
		json.put("message", message.text());
		return json;
	}

	/** The calls made to the Conversations API with this token. */
	List<LoggedRequest> calls() {
		return Stubs.graph()
			.findAll(getRequestedFor(urlPathMatching("/v25.0/(me/conversations|t_.*)"))
				.withHeader("Authorization", bearer()));
	}

	private com.github.tomakehurst.wiremock.matching.StringValuePattern bearer() {
		return equalTo("Bearer " + accessToken);
	}

}
