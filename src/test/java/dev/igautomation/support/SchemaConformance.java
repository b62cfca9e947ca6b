package dev.igautomation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON answer against its schema in the service's OpenAPI 3.1 document, as an outside API fuzzer would:
 * {@code $ref}, {@code anyOf}, {@code type} (a list with "null" for nullable fields), {@code required},
 * {@code additionalProperties: false}, {@code enum}, {@code pattern}, array items. Enough of JSON Schema for what the
 * document uses; anything else is not checked.
 */
public final class SchemaConformance {

	private final JsonNode document;

	public SchemaConformance(JsonNode document) {
		this.document = document;
	}

	/** What in {@code value} the schema does not allow, each as "path: why"; empty when it conforms. */
	public List<String> violations(JsonNode value, JsonNode schema) {
		List<String> errors = new ArrayList<>();
		check(value, schema, "$", errors);
		return errors;
	}

	private void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
		if (schema == null || schema.isMissingNode()) {
			return;
		}
		if (schema.has("$ref")) {
			check(value, document.at(schema.get("$ref").asString().substring(1)), path, errors);
			return;
		}
		if (schema.has("anyOf")) {
			for (JsonNode option : schema.get("anyOf")) {
				if (violations(value, option).isEmpty()) {
					return;
				}
			}
			errors.add(path + ": matches none of anyOf " + schema.get("anyOf"));
			return;
		}
		if (schema.has("type") && !typeAllows(schema.get("type"), value)) {
			errors.add(path + ": " + value.getNodeType() + " where the schema says " + schema.get("type"));
			return;
		}
		if (schema.has("enum") && value.isString() && !schema.get("enum").toString().contains("\"" + value.asString() + "\"")) {
			errors.add(path + ": '" + value.asString() + "' is not one of " + schema.get("enum"));
		}
		if (schema.has("pattern") && value.isString()
				&& !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
			errors.add(path + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
		}
		if (value.isObject()) {
			checkObject(value, schema, path, errors);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(value.get(i), schema.get("items"), path + "[" + i + "]", errors);
			}
		}
	}

	private void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
		JsonNode properties = schema.path("properties");
		for (JsonNode required : schema.path("required")) {
			if (!value.has(required.asString())) {
				errors.add(path + ": required '" + required.asString() + "' is missing");
			}
		}
		for (var field : value.properties()) {
			if (properties.has(field.getKey())) {
				check(field.getValue(), properties.get(field.getKey()), path + "." + field.getKey(), errors);
			}
			else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
				errors.add(path + ": '" + field.getKey() + "' is not in the schema");
			}
		}
	}

	private static boolean typeAllows(JsonNode type, JsonNode value) {
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (typeAllows(each, value)) {
					return true;
				}
			}
			return false;
		}
		return switch (type.asString()) {
			case "null" -> value.isNull();
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			default -> true;
		};
	}

}
