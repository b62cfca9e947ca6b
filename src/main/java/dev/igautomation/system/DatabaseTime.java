package dev.igautomation.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamp with time zone} columns, the same on H2 and PostgreSQL: written as UTC
 * {@link OffsetDateTime}s, read back as instants. Null stays null.
 */
public final class DatabaseTime {

	private DatabaseTime() {
	}

	public static OffsetDateTime of(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	public static Instant instant(ResultSet row, String column) throws SQLException {
		return instant(row.getObject(column, OffsetDateTime.class));
	}

}
