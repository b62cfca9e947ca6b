package dev.igautomation.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

import javax.sql.DataSource;

import dev.igautomation.system.DatabaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every message of an account over a period as CSV, row by row as the database sends them (a cursor of 500
 * rows at a time), so a year of messages streams to the browser without being held in memory.
 */
@Component
public class MessageExport {

	static final String HEADER = "time,direction,kind,user_id,text,message_id\n";

	private final JdbcTemplate jdbc;

	MessageExport(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
	}

	@Transactional(readOnly = true)
	public void write(String instagramAccountId, Instant from, Instant to, Writer out) {
		try {
			out.write(HEADER);
			jdbc.query("""
					select event_time, direction, kind, user_id, text, mid from inbound_event
					where instagram_account_id = ? and event_time >= ? and event_time < ?
					  and kind in ('message', 'echo')
					order by event_time, id""", row -> {
				try {
					out.write(Csv.line(DatabaseTime.instant(row, "event_time").toString(), row.getString("direction"),
							row.getString("kind"), row.getString("user_id"), row.getString("text"), row.getString("mid")));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, instagramAccountId, DatabaseTime.of(from), DatabaseTime.of(to));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
