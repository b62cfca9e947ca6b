package dev.igautomation.instagram;

import java.time.Duration;
import java.util.Set;

/**
 * A call to the Graph API that did not succeed, with Meta's error fields and what to do about it: {@link #kind()}
 * says whether a retry can help.
 */
public class GraphApiException extends RuntimeException {

	/** Codes Meta documents as temporary: throttling, service trouble. */
	private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 4, 17, 32, 341, 613, 80002);

	/** What a caller should do about an error. */
	public enum Kind {

		/** Try again later: throttled, unavailable, timed out. */
		TRANSIENT,
		/** Do not try again: the request cannot succeed as it is. */
		PERMANENT,
		/** The access token is expired or revoked: nothing works for the account until it is replaced. */
		TOKEN_INVALID,
		/** Meta cannot say whether the message went out (1/1357046): do not send it again blindly. */
		OUTCOME_UNKNOWN

	}

	private final Kind kind;

	private final Integer httpStatus;

	private final Integer code;

	private final Integer subcode;

	private final String fbtraceId;

	private final Duration retryAfter;

	GraphApiException(Kind kind, Integer httpStatus, Integer code, Integer subcode, String message,
			String fbtraceId, Duration retryAfter) {
		super(message);
		this.kind = kind;
		this.httpStatus = httpStatus;
		this.code = code;
		this.subcode = subcode;
		this.fbtraceId = fbtraceId;
		this.retryAfter = retryAfter;
	}

	/** Classifies an error answer as Meta documents its codes. */
	static GraphApiException of(int httpStatus, Integer code, Integer subcode, String message, String fbtraceId,
			boolean isTransient, Duration retryAfter) {
		return new GraphApiException(classify(httpStatus, code, subcode, isTransient), httpStatus, code, subcode,
				message, fbtraceId, retryAfter);
	}

	/** No answer came (a timeout, a refused connection): always worth another try. */
	static GraphApiException noAnswer(String message) {
		return new GraphApiException(Kind.TRANSIENT, null, null, null, message, null, null);
	}

	static Kind classify(int httpStatus, Integer code, Integer subcode, boolean isTransient) {
		if (code != null && code == 1 && subcode != null && subcode == 1357046) {
			return Kind.OUTCOME_UNKNOWN;
		}
		if (code != null && code == 190) {
			return Kind.TOKEN_INVALID;
		}
		if (isTransient || (code != null && TRANSIENT_CODES.contains(code)) || httpStatus >= 500 || httpStatus == 429) {
			return Kind.TRANSIENT;
		}
		return Kind.PERMANENT;
	}

	public Kind kind() {
		return kind;
	}

	public Integer httpStatus() {
		return httpStatus;
	}

	public Integer code() {
		return code;
	}

	public Integer subcode() {
		return subcode;
	}

	public String fbtraceId() {
		return fbtraceId;
	}

	/** How long Meta asked to wait ({@code estimated_time_to_regain_access}); null when it did not say. */
	public Duration retryAfter() {
		return retryAfter;
	}

}
