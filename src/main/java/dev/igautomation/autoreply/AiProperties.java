package dev.igautomation.autoreply;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible chat-completions endpoint that writes the replies of {@code ai} rules: a hosted API or a
 * local model server (Ollama, vLLM, llama.cpp...).
 *
 * @param baseUrl the API's base URL, to which {@code /chat/completions} is added
 * @param apiKey its key, sent as a Bearer token; none for servers that want none
 * @param model the model
 * @param timeout the longest a reply may take; past it, the rule's reply_text is sent
 * @param history how many of the conversation's last messages are given as context
 */
@Validated
@ConfigurationProperties("app.ai")
record AiProperties(@DefaultValue("https://api.openai.com/v1") @NotNull URI baseUrl, String apiKey,
		@DefaultValue("gpt-4o-mini") String model, @DefaultValue("8s") @NotNull Duration timeout,
		@DefaultValue("10") @Min(1) @Max(50) int history) {

	@Override
	public String toString() {
		return "AiProperties[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + "]";
	}

}
