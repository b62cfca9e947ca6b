package dev.igautomation.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute {@code http} or {@code https} URL with a host. Null is valid (use {@code @NotNull} to require one); an
 * empty string is valid only where {@link #allowEmpty()} says so (to clear a setting).
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

	String message() default "must be an absolute http or https URL, such as https://crm.example.com/hooks/instagram";

	boolean allowEmpty() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the scheme and host of a URL. */
	class Validator implements ConstraintValidator<HttpUrl, String> {

		private boolean allowEmpty;

		@Override
		public void initialize(HttpUrl annotation) {
			this.allowEmpty = annotation.allowEmpty();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || (allowEmpty && value.isEmpty())) {
				return true;
			}
			try {
				URI uri = new URI(value);
				String scheme = uri.getScheme();
				return uri.isAbsolute() && uri.getHost() != null
						&& ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
