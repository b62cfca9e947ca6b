package dev.igautomation.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The browser's time zone, which console.js keeps in the {@code tz} cookie, so that pages show times, days and "today"
 * as the person sees them; UTC until the browser has said. Templates call it as {@code @times}.
 */
@Component("times")
class ConsoleTimes {

	static final String COOKIE = "tz";

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	ZoneId zone() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return zoneOf(attributes.getRequest());
		}
		return UTC;
	}

	static ZoneId zoneOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 64) {
					try {
						return ZoneId.of(cookie.getValue().replace("%2F", "/"));
					}
					catch (DateTimeException ex) {
						return UTC;
					}
				}
			}
		}
		return UTC;
	}

	/** The instant in the browser's zone, to the minute; empty for none. */
	public String format(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant.atZone(zone()));
	}

	public String zoneName() {
		return zone().getId();
	}

}
