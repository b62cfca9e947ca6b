package dev.igautomation.autoreply;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * How a rule's fields are kept in their columns: its kinds as lowercase words (as the API writes them), its cooldown
 * in seconds, its media ids comma-separated.
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

}
