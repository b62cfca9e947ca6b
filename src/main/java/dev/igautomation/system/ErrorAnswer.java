package dev.igautomation.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents, in the OpenAPI document, a problem answer an endpoint gives besides the ones every endpoint can give:
 * {@code @ErrorAnswer(status = 409, code = "instagram_account_taken", description = "...")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorAnswer.List.class)
public @interface ErrorAnswer {

	int status();

	String code();

	String description();

	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		ErrorAnswer[] value();

	}

}
