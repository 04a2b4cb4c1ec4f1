package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ValidTaxId} through a real validator, with the messages of {@code ValidationMessages*.properties}. */
class ValidTaxIdTest {

    /** A field to validate values against, as on {@code Organisation}. */
    static class Holder {
        @ValidTaxId
        String taxId;
    }

    private static ValidatorFactory english;
    private static ValidatorFactory spanish;

    @BeforeAll
    static void buildValidators() {
        english = factory(Locale.ENGLISH);
        spanish = factory(Locale.forLanguageTag("es"));
    }

    @AfterAll
    static void closeValidators() {
        english.close();
        spanish.close();
    }

    static ValidatorFactory factory(Locale locale) {
        return Validation.byProvider(HibernateValidator.class).configure().defaultLocale(locale)
                .buildValidatorFactory();
    }

    private static Set<ConstraintViolation<Holder>> violations(ValidatorFactory factory, String value) {
        Validator validator = factory.getValidator();
        return validator.validateValue(Holder.class, "taxId", value);
    }

    /** The message of the one violation expected. */
    private static String message(ValidatorFactory factory, String value) {
        Set<ConstraintViolation<Holder>> violations = violations(factory, value);
        assertEquals(1, violations.size(), violations::toString);
        return violations.iterator().next().getMessage();
    }

    @Test
    void validDniHasNoViolation() {
        assertTrue(violations(english, "87654321X").isEmpty());
    }

    @Test
    void validTaxIdTypedWithSeparatorsHasNoViolation() {
        assertTrue(violations(english, "es b-1234567-4").isEmpty());
    }

    @Test
    void nullIsLeftToNotNull() {
        assertTrue(violations(english, null).isEmpty());
    }

    @Test
    void wrongControlLetterNamesTheExpectedLetter() {
        String message = message(english, "87654321A");
        assertEquals("The control character of the tax id is wrong; it should be X", message);
        assertTrue(message.endsWith(" X"), message);
    }

    @Test
    void wrongEntityControlNamesTheExpectedCharacterInTheFormUsed() {
        assertTrue(message(english, "F1234567E").endsWith(" D"));
        assertTrue(message(english, "F12345675").endsWith(" 4"));
    }

    @Test
    void badShapeGivesTheFormatMessage() {
        assertEquals("This does not have the shape of a Spanish tax id (NIF, NIE or CIF).",
                message(english, "I1234567D"));
    }

    @Test
    void blankGivesTheEmptyMessage() {
        assertEquals("The tax id is missing.", message(english, "  "));
    }

    @Test
    void wrongControlLetterIsExplainedInSpanishForSpanishLocale() {
        assertEquals("El carácter de control del NIF es incorrecto; debería ser X", message(spanish, "87654321A"));
    }

    @Test
    void badShapeIsExplainedInSpanishForSpanishLocale() {
        assertEquals("No tiene la forma de un NIF, NIE o CIF español.", message(spanish, "I1234567D"));
    }
}
