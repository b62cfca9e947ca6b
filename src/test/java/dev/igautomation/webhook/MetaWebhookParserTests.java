package dev.igautomation.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.igautomation.inbound.Direction;
import dev.igautomation.inbound.EventKind;
import dev.igautomation.inbound.ReceivedEvent;
import dev.igautomation.support.Webhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static dev.igautomation.support.Webhooks.FIXTURE_ACCOUNT;
import static dev.igautomation.support.Webhooks.FIXTURE_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every payload shape Meta documents, parsed with the service's own JSON settings.
 */
@JsonTest
@Import(MetaWebhookParser.class)
class MetaWebhookParserTests {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Autowired
	MetaWebhookParser parser;

	@Autowired
	JsonMapper json;

	@ParameterizedTest(name = "{0} is a {1} event, {2}")
	@CsvSource({ "message-text.json, MESSAGE, INBOUND", "message-image.json, MESSAGE, INBOUND",
			"message-post-share.json, MESSAGE, INBOUND", "message-reel.json, MESSAGE, INBOUND",
			"message-several-attachments.json, MESSAGE, INBOUND", "message-story-mention.json, MESSAGE, INBOUND",
			"message-story-reply.json, MESSAGE, INBOUND", "message-reply-to.json, MESSAGE, INBOUND",
			"message-quick-reply.json, MESSAGE, INBOUND", "message-ad-referral.json, MESSAGE, INBOUND",
			"message-unsupported.json, MESSAGE, INBOUND", "message-ephemeral.json, MESSAGE, INBOUND",
			"message-echo.json, ECHO, OUTBOUND", "message-deleted.json, MESSAGE_DELETED, INBOUND",
			"reaction-react.json, REACTION, INBOUND", "reaction-unreact.json, REACTION, INBOUND",
			"postback.json, POSTBACK, INBOUND", "postback-icebreaker-referral.json, POSTBACK, INBOUND",
			"seen.json, READ, INBOUND", "referral.json, REFERRAL, INBOUND", "standby-message.json, MESSAGE, INBOUND",
			"comment.json, COMMENT, INBOUND", "dashboard-test-messages.json, TEST, INBOUND" })
	void everyFixtureIsOneEventOfItsKind(String fixture, EventKind kind, Direction direction) {
		List<ReceivedEvent> events = parse(Webhooks.fixture(fixture));

		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(kind);
			assertThat(event.direction()).isEqualTo(direction);
			assertThat(event.dedupeKey()).isNotBlank();
			assertThat(json.readTree(event.raw()).isObject()).isTrue();
			if (kind != EventKind.TEST) {
				assertThat(event.instagramAccountId()).isEqualTo(FIXTURE_ACCOUNT);
				assertThat(event.userId()).isEqualTo(FIXTURE_USER);
			}
		});
	}

	@Test
	void textMessageKeepsItsMidTextAndOwnTimestamp() {
		ReceivedEvent event = parse(Webhooks.fixture("message-text.json")).get(0);

		assertThat(event.mid()).isEqualTo("aWdfZAG1faWQ6MTpJR01lc3NhZA2VUaHJlYWQ6text001");
		assertThat(event.text()).isEqualTo("Hi! How much is the blue dress? \uD83D\uDC99");
		assertThat(event.timestamp()).isEqualTo(Instant.ofEpochMilli(1763800000123L));
		assertThat(event.senderId()).isEqualTo(FIXTURE_USER);
		assertThat(event.recipientId()).isEqualTo(FIXTURE_ACCOUNT);
		assertThat(event.dedupeKey()).isEqualTo("message:" + event.mid());
		assertThat(event.standby()).isFalse();
	}

	@Test
	void attachmentsAndDetailsAreKept() {
		ReceivedEvent several = parse(Webhooks.fixture("message-several-attachments.json")).get(0);
		assertThat(json.readTree(several.attachments())).hasSize(2);
		assertThat(several.text()).isEqualTo("these two");

		ReceivedEvent quickReply = parse(Webhooks.fixture("message-quick-reply.json")).get(0);
		assertThat(json.readTree(quickReply.details()).at("/quick_reply/payload").asString()).isEqualTo("TRACK_ORDER");

		ReceivedEvent storyReply = parse(Webhooks.fixture("message-story-reply.json")).get(0);
		assertThat(json.readTree(storyReply.details()).at("/reply_to/story/id").asString())
			.isEqualTo("18012345678901234");

		ReceivedEvent unsupported = parse(Webhooks.fixture("message-unsupported.json")).get(0);
		assertThat(json.readTree(unsupported.details()).get("is_unsupported").asBoolean()).isTrue();
	}

	@Test
	void unsendOfAMessageHasItsOwnKeyBesideTheMessage() {
		ReceivedEvent message = parse(Webhooks.fixture("message-text.json")).get(0);
		ReceivedEvent deleted = parse(Webhooks.fixture("message-deleted.json")).get(0);

		assertThat(deleted.dedupeKey()).isNotEqualTo(message.dedupeKey());
		assertThat(json.readTree(deleted.details()).get("mid").asString()).isEqualTo(message.mid());
	}

	@Test
	void reactAndUnreactOfTheSameMessageAreDistinctEvents() {
		ReceivedEvent react = parse(Webhooks.fixture("reaction-react.json")).get(0);
		ReceivedEvent unreact = parse(Webhooks.fixture("reaction-unreact.json")).get(0);

		assertThat(react.dedupeKey()).isNotEqualTo(unreact.dedupeKey());
		assertThat(json.readTree(react.details()).get("emoji").asString()).isEqualTo("\u2764\ufe0f");
	}

	@Test
	void standbyEventsAreMarked() {
		assertThat(parse(Webhooks.fixture("standby-message.json")).get(0).standby()).isTrue();
	}

	@Test
	void commentKeepsItsIdAuthorAndMedia() {
		ReceivedEvent comment = parse(Webhooks.fixture("comment.json")).get(0);

		assertThat(comment.dedupeKey()).isEqualTo("comment:17865799348089039");
		assertThat(comment.text()).isEqualTo("price please! \uD83D\uDE4F");
		assertThat(json.readTree(comment.details()).at("/from/username").asString()).isEqualTo("jane.doe");
		assertThat(json.readTree(comment.details()).at("/media/id").asString()).isEqualTo("18023345678901234");
	}

	@Test
	void dashboardTestTakesItsSecondsTimestamp() {
		ReceivedEvent test = parse(Webhooks.fixture("dashboard-test-messages.json")).get(0);

		assertThat(test.kind()).isEqualTo(EventKind.TEST);
		assertThat(test.instagramAccountId()).isEqualTo("0");
		assertThat(test.mid()).isNull();
	}

	@Test
	void batchOfTwoEntriesGivesEveryEventInOrder() {
		List<ReceivedEvent> events = parse(Webhooks.fixture("batch-two-entries.json"));

		assertThat(events).extracting(ReceivedEvent::kind)
			.containsExactly(EventKind.MESSAGE, EventKind.MESSAGE, EventKind.READ);
		assertThat(events).extracting(ReceivedEvent::text).containsExactly("one", "two", null);
	}

	@Test
	void unknownShapesAreKeptRawNotRefused() {
		List<ReceivedEvent> events = parse("""
				{"object":"instagram","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},
				"recipient":{"id":"1"},"timestamp":1763800000123,"brand_new_thing":{"x":1}}],
				"changes":[{"field":"story_insights","value":{"media_id":"9"}}]},{"id":"1","time":1}]}""");

		assertThat(events).hasSize(3).allSatisfy(event -> {
			assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN);
			assertThat(event.raw()).isNotBlank();
		});
		assertThat(events.get(0).raw()).contains("brand_new_thing");
		assertThat(parse("{\"hello\": \"world\"}")).singleElement()
			.satisfies(event -> assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN));
	}

	@Test
	void sameEventDeliveredTwiceHasTheSameKey() {
		String body = Webhooks.fixture("referral.json");

		assertThat(parse(body).get(0).dedupeKey()).isEqualTo(parse(body).get(0).dedupeKey());
	}

	@Test
	void bodyThatIsNotJsonIsMalformed() {
		assertThatThrownBy(() -> parse("{\"entry\": [")).isInstanceOf(MalformedPayload.class);
		assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedPayload.class);
	}

	@Test
	void eventsWithoutAMidAreTellApartByTheirContentNeverByANullId() {
		ReceivedEvent first = parse(messaging("\"message\":{\"text\":\"first\"}", "1763800000001")).get(0);
		ReceivedEvent second = parse(messaging("\"message\":{\"text\":\"second\"}", "1763800000001")).get(0);

		assertThat(first.dedupeKey()).isNotEqualTo(second.dedupeKey()).doesNotContain("null");
		assertThat(parse(messaging("\"message\":{\"text\":\"first\"}", "1763800000001")).get(0).dedupeKey())
			.isEqualTo(first.dedupeKey());
	}

	@Test
	void redeliveryWithAnotherEntryTimeOrPropertyOrderHasTheSameKey() {
		String read = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":"2026-11-30T10:00:00Z","read":{"mid":"m-1"}}]}]}""";
		String reordered = """
				{"object":"instagram","entry":[{"time":%d,"id":"%s","messaging":[{"read":{"mid":"m-1"},
				"timestamp":"2026-11-30T10:00:00Z","recipient":{"id":"%s"},"sender":{"id":"%s"}}]}]}""";
		ReceivedEvent once = parse(read.formatted(FIXTURE_ACCOUNT, 1L, FIXTURE_USER, FIXTURE_ACCOUNT)).get(0);
		ReceivedEvent again = parse(reordered.formatted(999L, FIXTURE_ACCOUNT, FIXTURE_ACCOUNT, FIXTURE_USER)).get(0);

		assertThat(again.dedupeKey()).isEqualTo(once.dedupeKey());
		assertThat(once.timestamp()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
	}

	@Test
	void eventsWithoutATimestampGetTheSameKeyAtEveryDelivery() {
		String reaction = """
				{"object":"instagram","entry":[{"id":"%s","messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
				"reaction":{"mid":"m-2","action":"react","reaction":"love"}}]}]}"""
			.formatted(FIXTURE_ACCOUNT, FIXTURE_USER, FIXTURE_ACCOUNT);

		ReceivedEvent once = parse(reaction).get(0);
		ReceivedEvent again = parse(reaction).get(0);

		assertThat(once.timestamp()).isNull();
		assertThat(again.dedupeKey()).isEqualTo(once.dedupeKey());
	}

	@ParameterizedTest(name = "timestamp {0}")
	@CsvSource(delimiter = '|', value = { "9223372036854775807|+292278994-08-17T07:12:55.807Z",
			"1.7638e12|2025-11-22T08:26:40Z", "\"1763800000\"|2025-11-22T08:26:40Z", "-5|1969-12-31T23:59:55Z" })
	void timestampsAreReadWhateverTheirFormOrRange(String timestamp, String expected) {
		ReceivedEvent event = parse(messaging("\"message\":{\"mid\":\"m-3\",\"text\":\"x\"}", timestamp)).get(0);

		assertThat(event.timestamp()).isEqualTo(Instant.parse(expected));
		assertThat(event.originalTimestamp()).isEqualToIgnoringCase(timestamp.replace("\"", ""));
	}

	@Test
	void aTimestampThatIsNoTimeIsKeptAsSentAndReadAsNone() {
		ReceivedEvent event = parse(messaging("\"message\":{\"mid\":\"m-4\",\"text\":\"x\"}", "{\"ms\":1}"))
			.get(0);

		assertThat(event.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(event.timestamp()).isNull();
		assertThat(event.originalTimestamp()).isEqualTo("{\"ms\":1}");
	}

	@Test
	void aMessagingFieldThatIsNoListIsKeptWholeAsUnknown() {
		List<ReceivedEvent> events = parse("""
				{"object":"instagram","entry":[{"id":"1","time":1,"messaging":{"sender":{"id":"2"}}}]}""");

		assertThat(events).singleElement()
			.satisfies(event -> assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN));
	}

	private static String messaging(String content, String timestamp) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":1763800000000,"messaging":[{"sender":{"id":"%s"},
				"recipient":{"id":"%s"},"timestamp":%s,%s}]}]}"""
			.formatted(FIXTURE_ACCOUNT, FIXTURE_USER, FIXTURE_ACCOUNT, timestamp, content);
	}

	private List<ReceivedEvent> parse(String body) {
		return parser.parse(body.getBytes(StandardCharsets.UTF_8));
	}

}
