package dev.igautomation.entrypoint;

import java.time.Instant;
import java.util.List;

import dev.igautomation.system.HttpUrl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The entry points API's bodies, in Meta's own shapes (what is sent is what Meta receives):
 * <ul>
 * <li>ice breakers: up to 4 questions per locale, the {@code default} locale required —
 * https://developers.facebook.com/documentation/business-messaging/instagram-messaging/features/ice-breakers;</li>
 * <li>persistent menu: {@code web_url} and {@code postback} buttons, up to 20 per locale, titles of at most 30
 * characters — https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api/persistent-menu
 * and https://developers.facebook.com/documentation/business-messaging/instagram-messaging/features/persistent-menu;</li>
 * <li>payloads at most 1000 characters, as every postback's.</li>
 * </ul>
 */
final class EntryPointBodies {

	static final String LOCALE = "default|[a-z]{2}_[A-Z]{2}";

	static final String LOCALE_MESSAGE = "must be default or a locale such as en_GB";

	private EntryPointBodies() {
	}

	record IceBreakers(@Schema(description = "One set of questions per locale; the default locale is required")
	@NotEmpty(message = "need at least the default locale") @Size(max = 50, message = "must be at most 50 locales")
	List<@NotNull(message = "must not be null") @Valid IceBreakerLocale> iceBreakers) {
	}

	record IceBreakerLocale(@Schema(example = "default") @NotNull(message = "is required")
	@Pattern(regexp = LOCALE, message = LOCALE_MESSAGE) String locale,
			@Schema(description = "1 to 4 questions") @NotEmpty(message = "need 1 to 4 questions")
			@Size(max = 4, message = "must be at most 4 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid Question> callToActions) {
	}

	record Question(@Schema(example = "What are your opening hours?") @NotBlank(message = "is required")
	@Size(max = 200, message = "must be at most 200 characters") String question,
			@Schema(description = "Comes back as a postback when tapped: a postback rule answers it", example = "HOURS")
			@NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters (Meta's limit)")
			String payload) {
	}

	record PersistentMenu(@Schema(description = "One menu per locale; the default locale is required")
	@NotEmpty(message = "need at least the default locale") @Size(max = 50, message = "must be at most 50 locales")
	List<@NotNull(message = "must not be null") @Valid MenuLocale> persistentMenu) {
	}

	record MenuLocale(@Schema(example = "default") @NotNull(message = "is required")
	@Pattern(regexp = LOCALE, message = LOCALE_MESSAGE) String locale,
			@Schema(description = "1 to 20 items") @NotEmpty(message = "need 1 to 20 items")
			@Size(max = 20, message = "must be at most 20 (Meta's limit)")
			List<@NotNull(message = "must not be null") @Valid MenuItem> callToActions) {
	}

	record MenuItem(@Schema(allowableValues = { "web_url", "postback" }, example = "postback")
	@NotNull(message = "is required") @Pattern(regexp = "web_url|postback", message = "must be web_url or postback")
	String type,
			@Schema(example = "Talk to a person") @NotBlank(message = "is required")
			@Size(max = 30, message = "must be at most 30 characters (Meta's limit)") String title,
			@Schema(description = "With type web_url") @HttpUrl
			@Size(max = 2000, message = "must be at most 2000 characters") @Nullable String url,
			@Schema(description = "With type postback", example = "HUMAN")
			@Size(min = 1, max = 1000, message = "must be 1 to 1000 characters (Meta's limit)") @Nullable String payload) {
	}

	/** Whether Meta has what is stored: {@code synced}, {@code pending} (being pushed) or {@code failed}. */
	record MetaOutcome(@Schema(allowableValues = { "synced", "pending", "failed" }) String status,
			@Schema(description = "Meta's error, when it refused") @Nullable String error,
			@Schema(description = "Meta's error code, when it refused") @Nullable Integer errorCode,
			@Schema(description = "When Meta last accepted it") @Nullable Instant syncedAt) {
	}

	record IceBreakersResponse(String accountId, List<IceBreakerLocale> iceBreakers, MetaOutcome meta,
			Instant updatedAt) {
	}

	record PersistentMenuResponse(String accountId, List<MenuLocale> persistentMenu, MetaOutcome meta,
			Instant updatedAt) {
	}

	record LinkResponse(@Schema(example = "https://ig.me/m/acme.shop?ref=spring-sale") String url,
			@Schema(example = "spring-sale") String ref, @Schema(example = "acme.shop") String username) {
	}

}
