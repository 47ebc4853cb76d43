package cn.linli.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed: no control characters (newlines are fine) and no bidirectional overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069), which make text display in another order than it is stored (a phone number or a
 * name shown reversed to the next reader). Null is valid; combine with {@code @NotBlank} and
 * {@code @Size}. Input records strip their text in the compact constructor (see {@link Texts}), so the limits apply
 * to what is stored.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "包含无效字符";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlainText, CharSequence> {

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]");

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !CONTROL.matcher(value).find();
        }
    }
}
