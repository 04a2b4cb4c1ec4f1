package coop.intercoop.hub.tenancy.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Spanish tax id (NIF, NIE or the NIF of a legal entity) with a correct control character. Null is valid. */
@Documented
@Constraint(validatedBy = ValidTaxId.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface ValidTaxId {

    String message() default "{hub.taxId.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidTaxId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return TaxId.check(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                String template = switch (problem) {
                    case EMPTY -> "{hub.taxId.empty}";
                    case FORMAT -> "{hub.taxId.format}";
                    case CONTROL -> "{hub.taxId.control} " + TaxId.expectedControl(TaxId.normalise(value));
                };
                context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
