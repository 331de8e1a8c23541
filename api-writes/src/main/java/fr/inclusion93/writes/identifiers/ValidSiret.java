package fr.inclusion93.writes.identifiers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIRET of 14 digits with a valid checksum; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSiret.Validator.class)
public @interface ValidSiret {

    String message() default "must be 14 digits with a valid SIRET checksum";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidSiret, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Siret.isValid(value);
        }
    }
}
