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
 * Text a person typed: no control characters (newlines are fine). Null is valid; combine with {@code @NotBlank} and
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

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !CONTROL.matcher(value).find();
        }
    }
}
