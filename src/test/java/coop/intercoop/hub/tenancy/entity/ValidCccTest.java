package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ValidCcc} through a real validator, with the messages of {@code ValidationMessages*.properties}. The codes are
 * those worked out in {@link ContributionAccountCodeTest}: 281234567 mod 97 = 42.
 */
class ValidCccTest {

    /** A field to validate values against, as on {@code WorkCentre}. */
    static class Holder {
        @ValidCcc
        String ccc;
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
        return factory.getValidator().validateValue(Holder.class, "ccc", value);
    }

    /** The message of the one violation expected. */
    private static String message(ValidatorFactory factory, String value) {
        Set<ConstraintViolation<Holder>> violations = violations(factory, value);
        assertEquals(1, violations.size(), violations::toString);
        return violations.iterator().next().getMessage();
    }

    @Test
    void validCodeHasNoViolation() {
        assertTrue(violations(english, "28123456742").isEmpty());
    }

    @Test
    void validCodeTypedWithSlashesHasNoViolation() {
        assertTrue(violations(english, "28/1234567/42").isEmpty());
    }

    @Test
    void nullIsLeftToNotNull() {
        assertTrue(violations(english, null).isEmpty());
    }

    @Test
    void wrongControlDigitsNameTheExpectedDigits() {
        String message = message(english, "28123456799");
        assertEquals("The control digits of the CCC are wrong; they should be 42", message);
        assertTrue(message.endsWith(" 42"), message);
    }

    @Test
    void expectedControlDigitsKeepTheirLeadingZero() {
        // 09 0000000 -> 684 mod 97 = 5, written 05
        assertTrue(message(english, "09000000099").endsWith(" 05"));
    }

    @Test
    void unknownProvinceGivesTheProvinceMessage() {
        assertEquals("The first two digits of the CCC are not a Spanish province code (01 to 52).",
                message(english, "99123456700"));
    }

    @Test
    void badShapeGivesTheFormatMessage() {
        assertEquals("A contribution account code (CCC) has 11 digits: province, number and two control digits.",
                message(english, "2812345674"));
    }

    @Test
    void blankGivesTheEmptyMessage() {
        assertEquals("The contribution account code (CCC) is missing.", message(english, " "));
    }

    @Test
    void wrongControlDigitsAreExplainedInSpanishForSpanishLocale() {
        assertEquals("Los dígitos de control del CCC son incorrectos; deberían ser 42",
                message(spanish, "28123456799"));
    }

    @Test
    void unknownProvinceIsExplainedInSpanishForSpanishLocale() {
        assertEquals("Las dos primeras cifras del CCC no son un código de provincia español (01 a 52).",
                message(spanish, "99123456700"));
    }
}
