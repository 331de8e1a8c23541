package fr.inclusion93.structure.rest;

import fr.inclusion93.structure.service.OpeningHours;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Opening hours in OpenStreetMap {@code opening_hours} syntax; null is allowed. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidOpeningHours.Validator.class)
public @interface ValidOpeningHours {

    String message() default "is not in OpenStreetMap opening_hours syntax (e.g. " + OpeningHours.EXAMPLE + ")";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidOpeningHours, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OpeningHours.isValid(value);
        }
    }
}
