package dev.igautomation.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/** A {@link PersistenceSlice} on an in-memory H2 database of its own, apart from the whole-service tests' one. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PersistenceSlice
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:slices;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
public @interface H2Slice {

}
