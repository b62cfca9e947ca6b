package dev.igautomation.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/** A {@link PersistenceSlice} on the embedded PostgreSQL server. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PersistenceSlice
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresSlice {

}
