package dev.igautomation.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Brings the generated OpenAPI document to what the service really does, as outside API fuzzers check it: object
 * schemas say {@code type: object}; patterns are anchored (Bean Validation's {@code @Pattern} matches the whole
 * value, JSON Schema's {@code pattern} only a part); request bodies declare {@code additionalProperties: false}, as
 * the service refuses unknown fields (to catch typos) rather than ignoring them; tags, and paths, come in the order
 * a user meets them.
 */
final class OpenApiDocument {

	/** The order of the README's tour: an account, keys, rules, Meta's webhooks, messages, sending, the CRM... */
	static final List<String> TAG_ORDER = List.of("Accounts", "API keys", "Auto-reply rules", "Meta webhooks",
			"Messages", "Sending", "CRM deliveries", "Contacts", "Inbox", "Connecting accounts", "History",
			"Analytics", "Meta callbacks");

	private OpenApiDocument() {
	}

	static void tidy(OpenAPI openApi) {
		Map<String, Schema> components = openApi.getComponents().getSchemas();
		components.values().forEach(schema -> walk(schema, OpenApiDocument::typeAndPattern));
		forEachOperation(openApi, operation -> {
			if (operation.getParameters() != null) {
				operation.getParameters().stream().map(Parameter::getSchema).filter(Objects::nonNull)
					.forEach(schema -> walk(schema, OpenApiDocument::typeAndPattern));
			}
		});
		closeRequestBodies(openApi, components);
		orderTagsAndPaths(openApi);
	}

	private static void typeAndPattern(Schema<?> schema) {
		if (schema.getProperties() != null && schema.getTypes() == null) {
			schema.setTypes(Set.of("object"));
		}
		String pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern("^(?:" + pattern + ")$");
		}
	}

	/** Request body schemas, and the schemas they are made of, allow no other fields than theirs. */
	private static void closeRequestBodies(OpenAPI openApi, Map<String, Schema> components) {
		Set<String> closed = new HashSet<>();
		forEachOperation(openApi, operation -> {
			if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
				return;
			}
			for (MediaType media : operation.getRequestBody().getContent().values()) {
				if (media.getSchema() != null) {
					walk(media.getSchema(), schema -> close(schema, components, closed));
				}
			}
		});
	}

	private static void close(Schema<?> schema, Map<String, Schema> components, Set<String> closed) {
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			Schema<?> component = components.get(name);
			if (component != null && closed.add(name)) {
				walk(component, nested -> close(nested, components, closed));
			}
		}
		else if (schema.getProperties() != null && schema.getAdditionalProperties() == null) {
			schema.setAdditionalProperties(false);
		}
	}

	private static void orderTagsAndPaths(OpenAPI openApi) {
		if (openApi.getTags() != null) {
			List<Tag> tags = new ArrayList<>(openApi.getTags());
			tags.sort((a, b) -> Integer.compare(rank(a.getName()), rank(b.getName())));
			openApi.setTags(tags);
		}
		List<Map.Entry<String, PathItem>> paths = new ArrayList<>(openApi.getPaths().entrySet());
		paths.sort((a, b) -> Integer.compare(rank(a.getValue()), rank(b.getValue())));
		Paths ordered = new Paths();
		paths.forEach(path -> ordered.addPathItem(path.getKey(), path.getValue()));
		openApi.setPaths(ordered);
	}

	private static int rank(PathItem path) {
		return path.readOperations().stream()
			.flatMap(operation -> operation.getTags() == null ? java.util.stream.Stream.<String>empty()
					: operation.getTags().stream())
			.mapToInt(OpenApiDocument::rank).min().orElse(TAG_ORDER.size());
	}

	private static int rank(String tag) {
		int index = TAG_ORDER.indexOf(tag);
		return index < 0 ? TAG_ORDER.size() : index;
	}

	private static void forEachOperation(OpenAPI openApi, Consumer<Operation> action) {
		openApi.getPaths().values().forEach(path -> path.readOperations().forEach(action));
	}

	/** Visits a schema and every schema inside it (properties, items, allOf/anyOf/oneOf), each once. */
	static void walk(Schema<?> schema, Consumer<Schema<?>> visitor) {
		walk(schema, visitor, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
	}

	private static void walk(Schema<?> schema, Consumer<Schema<?>> visitor, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		visitor.accept(schema);
		List<Schema> nested = new ArrayList<>();
		if (schema.getProperties() != null) {
			nested.addAll(new LinkedHashMap<>(schema.getProperties()).values());
		}
		nested.add(schema.getItems());
		for (Collection<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
				schema.getOneOf())) {
			if (group != null) {
				nested.addAll(group);
			}
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			nested.add(values);
		}
		nested.forEach(each -> walk(each, visitor, seen));
	}

}
