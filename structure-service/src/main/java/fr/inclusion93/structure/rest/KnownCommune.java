package fr.inclusion93.structure.rest;

import fr.inclusion93.security.reference.Communes;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The INSEE code of a commune of the registry's list ({@code Communes}); null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCommune.Validator.class)
public @interface KnownCommune {

    String message() default "is not the INSEE code of a commune this registry serves";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCommune, String> {
        @Inject
        Communes communes;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || communes.byInseeCode(value).isPresent();
        }
    }
}
