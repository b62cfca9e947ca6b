package dev.igautomation.inbound;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections that store webhooks, a small pool of their own: acknowledging Meta never waits for a connection
 * held by background jobs. The job queue client here writes through the same connection, so an event and its job
 * still commit together.
 */
final class IngestDatabase implements AutoCloseable {

	private final HikariDataSource pool;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final SchedulerClient jobs;

	IngestDatabase(DataSourceProperties properties, int connections) {
		this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		pool.setPoolName("ingest");
		pool.setMaximumPoolSize(connections);
		pool.setMinimumIdle(connections);
		DataSource joiningTransactions = new TransactionAwareDataSourceProxy(pool);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
		this.jdbc = new JdbcTemplate(joiningTransactions);
		this.jobs = SchedulerClient.Builder.create(joiningTransactions).serializer(new Jackson3Serializer()).build();
	}

	TransactionTemplate transaction() {
		return transaction;
	}

	JdbcTemplate jdbc() {
		return jdbc;
	}

	SchedulerClient jobs() {
		return jobs;
	}

	@Override
	public void close() {
		pool.close();
	}

}
