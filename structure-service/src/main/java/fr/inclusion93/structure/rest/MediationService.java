package fr.inclusion93.structure.rest;

import fr.inclusion93.structure.service.MediationServices;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the services of the national standard of lieux de médiation numérique; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MediationService.Validator.class)
public @interface MediationService {

    String message() default "is not a service of the national standard (lieux de médiation numérique 1.0.2)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MediationService, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MediationServices.ALL.contains(value);
        }
    }
}
