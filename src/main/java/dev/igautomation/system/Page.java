package dev.igautomation.system;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list. Pass {@code next_cursor} back as {@code cursor} to get the next page; it is null on the last.
 */
public record Page<T>(List<T> items,
		@Schema(description = "Opaque cursor for the next page; null on the last page",
				example = "MjAyNi0xMS0yMlQxMDowMDowMFp8YWNjXzAx") @Nullable String nextCursor) {

	/** Builds a page from up to {@code limit + 1} fetched items: the extra one only says that more exist. */
	public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> cursorOf) {
		if (fetched.size() <= limit) {
			return new Page<>(fetched, null);
		}
		List<T> items = fetched.subList(0, limit);
		return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
	}

}
