package dev.igautomation.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the service's own HTTP API.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("app.http")
record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
