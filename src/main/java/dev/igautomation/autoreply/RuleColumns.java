package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a rule's fields are kept in their columns: its kinds as lowercase words (as the API writes them), its cooldown
 * in seconds, its media ids comma-separated, its buttons or cards as JSON.
 */
final class RuleColumns {

	private RuleColumns() {
	}

	@Converter
	static class TriggerColumn implements AttributeConverter<RuleTrigger, String> {

		@Override
		public String convertToDatabaseColumn(RuleTrigger trigger) {
			return trigger == null ? null : trigger.value();
		}

		@Override
		public RuleTrigger convertToEntityAttribute(String column) {
			return column == null ? null : RuleTrigger.of(column);
		}

	}

	@Converter
	static class MatchTypeColumn implements AttributeConverter<MatchType, String> {

		@Override
		public String convertToDatabaseColumn(MatchType matchType) {
			return matchType == null ? null : matchType.value();
		}

		@Override
		public MatchType convertToEntityAttribute(String column) {
			return column == null ? null : MatchType.of(column);
		}

	}

	@Converter
	static class ActionColumn implements AttributeConverter<RuleAction, String> {

		@Override
		public String convertToDatabaseColumn(RuleAction action) {
			return action == null ? null : action.value();
		}

		@Override
		public RuleAction convertToEntityAttribute(String column) {
			return column == null ? null : RuleAction.of(column);
		}

	}

	@Converter
	static class SecondsColumn implements AttributeConverter<Duration, Long> {

		@Override
		public Long convertToDatabaseColumn(Duration duration) {
			return duration == null ? null : duration.toSeconds();
		}

		@Override
		public Duration convertToEntityAttribute(Long seconds) {
			return seconds == null ? null : Duration.ofSeconds(seconds);
		}

	}

	@Converter
	static class CommaSeparated implements AttributeConverter<List<String>, String> {

		@Override
		public String convertToDatabaseColumn(List<String> values) {
			return values == null || values.isEmpty() ? null : String.join(",", values);
		}

		@Override
		public List<String> convertToEntityAttribute(String column) {
			return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
		}

	}

	/** Buttons or cards as JSON, in the API's own shape (snake_case); null for a text reply. */
	@Converter
	static class ReplyColumn implements AttributeConverter<RuleReply, String> {

		private static final JsonMapper JSON = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();

		@Override
		public String convertToDatabaseColumn(RuleReply reply) {
			return reply == null || reply.textOnly() ? null : JSON.writeValueAsString(reply);
		}

		@Override
		public RuleReply convertToEntityAttribute(String column) {
			return column == null ? RuleReply.TEXT : JSON.readValue(column, RuleReply.class);
		}

	}

	/** A list of texts as a JSON array (texts may hold commas); null for an empty list. */
	@Converter
	static class JsonList implements AttributeConverter<List<String>, String> {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		public String convertToDatabaseColumn(List<String> values) {
			return values == null || values.isEmpty() ? null : JSON.writeValueAsString(values);
		}

		@Override
		public List<String> convertToEntityAttribute(String column) {
			return column == null ? List.of()
					: List.of(JSON.readValue(column, String[].class));
		}

	}

}
