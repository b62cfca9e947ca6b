package dev.igautomation.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpStatus;

/**
 * Opaque keyset-pagination cursors: the sort key of the last item of a page, base64url-encoded.
 */
public final class Cursor {

	private static final String SEPARATOR = "\n";

	private Cursor() {
	}

	public static String encode(String... parts) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor made by {@link #encode}; a cursor that was not is a 400. */
	public static String[] decode(String cursor, int parts) {
		try {
			String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
				.split(SEPARATOR, -1);
			if (decoded.length == parts) {
				return decoded;
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the problem below
		}
		throw new InvalidCursor();
	}

	/** A time from a decoded cursor; one that is not is a 400, like any other bad cursor. */
	public static java.time.Instant instant(String part) {
		try {
			return java.time.Instant.parse(part);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidCursor();
		}
	}

	/** The {@code cursor} parameter was not one this service handed out. */
	public static final class InvalidCursor extends ProblemException {

		public InvalidCursor() {
			super(HttpStatus.BAD_REQUEST, "invalid_cursor", "Invalid cursor",
					"The cursor parameter is not valid: pass the next_cursor value of the previous page unchanged.");
		}

	}

}
