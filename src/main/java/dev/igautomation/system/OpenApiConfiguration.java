package dev.igautomation.system;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document behind Swagger UI at {@code /docs}: the Bearer scheme behind its Authorize button,
 * snake_case schemas (springdoc introspects with Jackson 2, which does not see the Jackson 3 naming setting), and the
 * problem answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Instagram Automation API", version = "v1",
		description = """
				Routes Instagram Direct messages to your CRM and sends the CRM's replies.
				Authorize with an API key (`Authorization: Bearer <key>`). Every error is `application/problem+json` \
				(RFC 9457) with a stable `type` and `code`."""))
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API key, e.g. iga_AbCd1234Ef_...; create keys with POST /api/v1/api-keys.")
class OpenApiConfiguration {

	static final String BEARER = "api_key";

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new NullableRecordModelResolver(
				Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OpenApiCustomizer problemDetailSchema() {
		return openApi -> openApi.getComponents().addSchemas("ProblemDetail", new ObjectSchema()
			.description("An RFC 9457 problem: every error answer has this shape.")
			.addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_PREFIX + "validation_failed"))
			.addProperty("title", new StringSchema().example("Validation failed"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().description("What went wrong and what to fix"))
			.addProperty("instance", new StringSchema().format("uri-reference")
				.description("The path of the request that failed").example("/api/v1/accounts/acc_01x"))
			.addProperty("code", new StringSchema().description("Stable machine-readable code").example("validation_failed"))
			.addProperty("errors", new ArraySchema().description("For validation_failed: each bad field")
				.items(new ObjectSchema().addProperty("field", new StringSchema().example("crm_webhook_url"))
					.addProperty("message", new StringSchema().example("must be an absolute http or https URL")))));
	}

	@Bean
	OpenApiCustomizer documentAsTheServiceAnswers() {
		return OpenApiDocument::tidy;
	}

	/** Documents the problems every API operation can answer with, so each operation lists only its own. */
	@Bean
	GlobalOperationCustomizer commonProblemResponses() {
		return (operation, handlerMethod) -> {
			if (!handlerMethod.getBeanType().getPackageName().startsWith("dev.igautomation")) {
				return operation;
			}
			ApiResponses responses = operation.getResponses();
			for (ErrorAnswer answer : handlerMethod.getMethod().getAnnotationsByType(ErrorAnswer.class)) {
				addProblem(responses, HttpStatus.valueOf(answer.status()), answer.code(), answer.description());
			}
			boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
			if (secured) {
				addProblem(responses, HttpStatus.UNAUTHORIZED, "unauthorized",
						"The Authorization header is missing, or the API key is wrong or revoked.");
				addProblem(responses, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
						"This API key made too many requests; retry after Retry-After seconds.");
			}
			if (hasBody(operation)) {
				addProblem(responses, HttpStatus.BAD_REQUEST, "validation_failed",
						"A field is missing or invalid; `errors` lists each with what to fix.");
				addProblem(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
						"The body is not application/json.");
				addProblem(responses, HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "The body is over 1 MiB.");
			}
			addProblem(responses, HttpStatus.BAD_REQUEST, "invalid_parameter",
					"A parameter is invalid (`errors` or `detail` says which), or the query string cannot be read "
							+ "(malformed_query).");
			if (hasPathParameter(operation)) {
				addProblem(responses, HttpStatus.NOT_FOUND, "not_found", "Nothing has this id.");
			}
			addProblem(responses, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
					"The service could not complete the request; nothing internal is shown.");
			return operation;
		};
	}

	private static boolean hasBody(Operation operation) {
		return operation.getRequestBody() != null;
	}

	private static boolean hasPathParameter(Operation operation) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
	}

	private static void addProblem(ApiResponses responses, HttpStatus status, String code, String description) {
		String key = String.valueOf(status.value());
		if (responses.containsKey(key)) {
			return;
		}
		Map<String, Object> example = Map.of("type", Problems.TYPE_PREFIX + code, "title", status.getReasonPhrase(),
				"status", status.value(), "detail", description, "code", code);
		responses.addApiResponse(key, new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
				.schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
				.example(example))));
	}

}
