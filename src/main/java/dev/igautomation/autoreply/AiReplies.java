package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.igautomation.inbound.Conversations;
import dev.igautomation.system.HttpClientFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Replies written by an AI model, through an OpenAI-compatible {@code POST /chat/completions} over Spring's
 * {@code RestClient} and records, like the Graph client. Spring AI 2.0 would do it too, but brings its model
 * abstractions and vendor SDKs for one small, stable endpoint that any OpenAI-compatible server (hosted, Ollama, vLLM)
 * answers. The model gets the rule's instructions and the conversation's last messages; whatever goes wrong — no
 * answer within the timeout, an error, an empty answer — the caller falls back to the rule's fixed text.
 */
@Component
class AiReplies {

	private static final Logger log = LoggerFactory.getLogger(AiReplies.class);

	private final RestClient rest;

	private final AiProperties properties;

	private final Conversations conversations;

	AiReplies(RestClient.Builder builder, AiProperties properties, Conversations conversations) {
		this.properties = properties;
		this.conversations = conversations;
		Duration connect = properties.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? properties.timeout()
				: Duration.ofSeconds(5);
		RestClient.Builder configured = builder.clone()
			.baseUrl(properties.baseUrl().toString())
			.requestFactory(HttpClientFactory.pooled(connect, properties.timeout()));
		if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
			configured.defaultHeader("Authorization", "Bearer " + properties.apiKey());
		}
		this.rest = configured.build();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Message(String role, String content) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CompletionRequest(String model, List<Message> messages, Integer maxTokens) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CompletionResponse(List<Choice> choices) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Choice(Message message) {
		}

	}

	/** A reply to the conversation, or empty when the model gave none in time. */
	Optional<String> reply(String instagramAccountId, String accountUsername, String userId, String instructions) {
		List<Message> messages = new ArrayList<>();
		messages.add(new Message("system", "You answer Instagram direct messages for the business account @"
				+ accountUsername + ". " + instructions
				+ "\nAnswer in plain text, briefly: at most 900 characters."));
		for (Conversations.Line line : conversations.lastLines(instagramAccountId, userId, properties.history())) {
			messages.add(new Message(line.fromUser() ? "user" : "assistant", line.text()));
		}
		try {
			CompletionResponse response = rest.post()
				.uri("/chat/completions")
				.body(new CompletionRequest(properties.model(), messages, 400))
				.retrieve()
				.body(CompletionResponse.class);
			Optional<String> text = Optional.ofNullable(response)
				.map(CompletionResponse::choices)
				.filter(choices -> !choices.isEmpty())
				.map(choices -> choices.get(0).message())
				.map(Message::content)
				.map(String::strip)
				.filter(content -> !content.isEmpty());
			if (text.isEmpty()) {
				log.warn("The AI model gave an empty reply; the rule's reply_text is sent instead");
			}
			return text;
		}
		catch (RestClientException ex) {
			log.warn("No AI reply ({}); the rule's reply_text is sent instead", ex.getMostSpecificCause().getMessage());
			return Optional.empty();
		}
	}

}
