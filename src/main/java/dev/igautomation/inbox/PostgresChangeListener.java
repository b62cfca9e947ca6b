package dev.igautomation.inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, listens to {@code NOTIFY inbox_changes} on a connection of its own (outside the pool: it is held for
 * as long as the service runs), so that a change committed by any instance reaches the pages connected to this one.
 * After a lost connection it connects again and catches up, so no change is missed meanwhile.
 */
@Component
class PostgresChangeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);

	private final InboxChanges changes;

	private final LiveInbox live;

	private final Environment environment;

	private volatile Thread listening;

	PostgresChangeListener(InboxChanges changes, LiveInbox live, Environment environment) {
		this.changes = changes;
		this.live = live;
		this.environment = environment;
	}

	@Override
	public void start() {
		if (!changes.postgres()) {
			return;
		}
		listening = new Thread(this::listen, "inbox-notify");
		listening.setDaemon(true);
		listening.start();
	}

	@Override
	public void stop() {
		Thread thread = listening;
		listening = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return listening != null;
	}

	private Connection connect() throws SQLException {
		Properties credentials = new Properties();
		String user = environment.getProperty("spring.datasource.username");
		String password = environment.getProperty("spring.datasource.password");
		if (user != null && !user.isEmpty()) {
			credentials.setProperty("user", user);
		}
		if (password != null && !password.isEmpty()) {
			credentials.setProperty("password", password);
		}
		return DriverManager.getConnection(environment.getProperty("spring.datasource.url"), credentials);
	}

	private void listen() {
		while (listening == Thread.currentThread()) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + InboxChanges.CHANNEL);
				}
				live.wake();
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (listening == Thread.currentThread()) {
					PGNotification[] notifications = postgres.getNotifications(10_000);
					if (notifications != null && notifications.length > 0) {
						live.wake();
					}
				}
			}
			catch (SQLException ex) {
				if (listening != Thread.currentThread()) {
					return;
				}
				log.warn("Lost the connection that listens for inbox changes ({}); connecting again in a second",
						ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

}
