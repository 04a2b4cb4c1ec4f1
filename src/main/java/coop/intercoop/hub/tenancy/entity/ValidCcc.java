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

/** A Social Security contribution account code (CCC) with correct control digits. Null is valid. */
@Documented
@Constraint(validatedBy = ValidCcc.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface ValidCcc {

    String message() default "{hub.ccc.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCcc, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return ContributionAccountCode.check(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                String template = switch (problem) {
                    case EMPTY -> "{hub.ccc.empty}";
                    case FORMAT -> "{hub.ccc.format}";
                    case PROVINCE -> "{hub.ccc.province}";
                    case CONTROL -> "{hub.ccc.control} "
                            + ContributionAccountCode.expectedControl(ContributionAccountCode.normalise(value));
                };
                context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
