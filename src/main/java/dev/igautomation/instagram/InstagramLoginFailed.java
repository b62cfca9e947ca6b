package dev.igautomation.instagram;

import dev.igautomation.system.ProblemException;

import org.springframework.http.HttpStatus;

/** Connecting an account through Instagram Login did not complete. */
class InstagramLoginFailed extends ProblemException {

	private InstagramLoginFailed(HttpStatus status, String code, String title, String detail) {
		super(status, code, title, detail);
	}

	static InstagramLoginFailed notConfigured() {
		return new InstagramLoginFailed(HttpStatus.SERVICE_UNAVAILABLE, "instagram_login_not_configured",
				"Instagram Login is not configured",
				"Set INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET (app.instagram.app-id, app.instagram.app-secret) to "
						+ "connect accounts through Instagram Login.");
	}

	static InstagramLoginFailed invalidState() {
		return new InstagramLoginFailed(HttpStatus.BAD_REQUEST, "invalid_state", "Invalid state",
				"The state of this callback was not issued by this service in the last 10 minutes: start again from "
						+ "GET /connect/instagram.");
	}

	static InstagramLoginFailed refused(String reason) {
		return new InstagramLoginFailed(HttpStatus.BAD_REQUEST, "instagram_login_refused", "Instagram Login refused",
				"Instagram did not authorize the app: " + reason);
	}

	static InstagramLoginFailed byMeta(String step, GraphApiException ex) {
		return new InstagramLoginFailed(HttpStatus.BAD_GATEWAY, "instagram_login_failed", "Instagram Login failed",
				"Meta refused to " + step + ": " + ex.getMessage());
	}

}
