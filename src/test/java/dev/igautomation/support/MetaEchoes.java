package dev.igautomation.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Meta's part after a send: for every message the Graph API stub accepts, a signed echo webhook
 * ({@code is_echo}) is POSTed to the service, and POSTed again until the service answers 200, as Meta retries — so
 * an echo sent while the service is down arrives once it is back.
 */
public final class MetaEchoes implements ServeEventListener {

	private final String instagramAccountId;

	private final String webhookUrl;

	private final ExecutorService senders = Executors.newFixedThreadPool(4);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	public MetaEchoes(String instagramAccountId, String webhookUrl) {
		this.instagramAccountId = instagramAccountId;
		this.webhookUrl = webhookUrl;
	}

	@Override
	public String getName() {
		return "meta-echoes";
	}

	@Override
	public void afterComplete(ServeEvent served, Parameters parameters) {
		if (!served.getRequest().getUrl().contains("/me/messages") || served.getResponse().getStatus() != 200) {
			return;
		}
		JsonNode request = Api.json().readTree(served.getRequest().getBodyAsString());
		JsonNode response = Api.json().readTree(served.getResponse().getBodyAsString());
		long now = System.currentTimeMillis();
		ObjectNode message = Api.json().createObjectNode();
		message.put("mid", response.path("message_id").asString());
		message.put("text", request.path("message").path("text").asString(null));
		message.put("is_echo", true);
		ObjectNode event = Api.json().createObjectNode();
		event.putObject("sender").put("id", instagramAccountId);
		event.putObject("recipient").put("id", request.path("recipient").path("id").asString());
		event.put("timestamp", now);
		event.set("message", message);
		ObjectNode body = Api.json().createObjectNode();
		body.put("object", "instagram");
		ObjectNode entry = body.putArray("entry").addObject();
		entry.put("id", instagramAccountId);
		entry.put("time", now);
		entry.putArray("messaging").add(event);
		String json = Api.json().writeValueAsString(body);
		senders.submit(() -> deliver(json));
	}

	private void deliver(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(giveUp)) {
			try {
				HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(webhookUrl))
					.header("Content-Type", "application/json")
					.header("X-Hub-Signature-256", Webhooks.signature(Webhooks.APP_SECRET, bytes))
					.timeout(Duration.ofSeconds(5))
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// the service is down: Meta retries, so do we
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	public void stop() {
		senders.shutdownNow();
	}

}
