package dev.igautomation.system;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Schemas of our records with their nullability as the service really answers, which Jackson's introspection cannot
 * see: in answers, a field is null only when its component is marked {@link Nullable} (JSpecify); in requests (records
 * with validation constraints), a field may be null unless it is required ({@code @NotNull}, {@code @NotBlank},
 * {@code @NotEmpty}). Primitives are never null. Names are snake_case, as on the wire.
 */
class NullableRecordModelResolver extends ModelResolver {

	NullableRecordModelResolver(ObjectMapper mapper) {
		super(mapper);
	}

	@Override
	public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
		Class<?> type = _mapper.constructType(annotatedType.getType()).getRawClass();
		Schema<?> schema = super.resolve(annotatedType, context, next);
		Schema<?> model = schema;
		if (schema != null && schema.get$ref() != null) {
			model = context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		if (model != null && type.isRecord() && model.getProperties() != null) {
			markNullable(type, model.getProperties());
		}
		return schema;
	}

	private static void markNullable(Class<?> record, Map<String, Schema> properties) {
		RecordComponent[] components = record.getRecordComponents();
		boolean request = Arrays.stream(components).anyMatch(NullableRecordModelResolver::constrained);
		for (RecordComponent component : components) {
			String name = PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, component.getName());
			Schema<?> property = properties.get(name);
			if (property == null || component.getType().isPrimitive()) {
				continue;
			}
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					|| request && !required(component);
			if (nullable) {
				properties.put(name, withNull(property));
			}
		}
	}

	/** The property's schema, also allowing null (OpenAPI 3.1: JSON Schema's type "null"). */
	static Schema<?> withNull(Schema<?> property) {
		if (property.getTypes() != null && property.getTypes().contains("null") || property.getAnyOf() != null
				&& property.getAnyOf().stream().anyMatch(each -> each.getTypes() != null && each.getTypes().contains("null"))) {
			return property;
		}
		if (property.get$ref() != null || property.getTypes() == null && property.getType() == null) {
			Schema<?> either = new Schema<>(property.getSpecVersion()).anyOf(List.of(property,
					new Schema<>(property.getSpecVersion()).types(Set.of("null"))));
			either.setDescription(property.getDescription());
			return either;
		}
		Set<String> types = new LinkedHashSet<>(
				property.getTypes() != null ? property.getTypes() : Set.of(property.getType()));
		types.add("null");
		property.setTypes(types);
		return property;
	}

	private static boolean required(RecordComponent component) {
		return annotations(component).anyMatch(annotation -> annotation instanceof NotNull
				|| annotation instanceof NotBlank || annotation instanceof NotEmpty);
	}

	private static boolean constrained(RecordComponent component) {
		return annotations(component)
			.anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(Constraint.class));
	}

	private static Stream<Annotation> annotations(RecordComponent component) {
		try {
			return Stream.concat(Arrays.stream(component.getAnnotatedType().getAnnotations()), Arrays
				.stream(component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotations()));
		}
		catch (NoSuchFieldException ex) {
			return Arrays.stream(component.getAnnotatedType().getAnnotations());
		}
	}

}
