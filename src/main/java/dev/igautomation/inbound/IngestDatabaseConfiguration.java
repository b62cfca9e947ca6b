package dev.igautomation.inbound;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sets up the {@link IngestDatabase}: one connection per event writer. */
@Configuration(proxyBeanMethods = false)
class IngestDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	IngestDatabase ingestDatabase(DataSourceProperties properties, IngestProperties ingest) {
		return new IngestDatabase(properties, ingest.writers());
	}

}
