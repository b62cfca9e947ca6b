package dev.igautomation.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link IntegrationTest}, but on a real PostgreSQL server (embedded, started once per test run).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@IntegrationTest
@ContextConfiguration(initializers = { StubsInitializer.class, PostgresInitializer.class })
public @interface PostgresIntegrationTest {

}
