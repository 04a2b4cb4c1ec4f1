package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The identifiers of an employee: NIF or NIE (RD 1065/2007 arts. 18 and 20: the letter of the number modulo 23), the
 * Social Security affiliation number (NAF: province and number modulo 97, the leading-zero rule for numbers below
 * 10,000,000) and the IBAN (ISO 13616 modulo 97, and the Spanish account's own control digits). Each refusal names the
 * field it was given in and reads in Spanish and English.
 */
class PersonalIdentifiersTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static InvalidIdentifierException refused(Executable parse) {
        return assertThrows(InvalidIdentifierException.class, parse);
    }

    private static void assertRefusal(String field, String key, InvalidIdentifierException e) {
        assertEquals(field, e.field());
        assertEquals(key, e.key());
        assertEquals(400, e.kind().status);
    }

    @Test
    void aDniAndANieAreAPersonsNifNormalised() {
        assertEquals("12345678Z", PersonalNif.of("nif", " 12.345.678-z ").value());
        assertEquals("X1234567L", PersonalNif.of("nif", "x1234567l").value(), "X stands for 0: 1234567 mod 23 = 19");
        assertEquals("Y7654321G", PersonalNif.of("nif", "Y7654321G").value(), "Y stands for 1: 17654321 mod 23 = 4");
    }

    @Test
    void aNifWithTheWrongLetterIsRefusedSayingTheRightOneInBothLanguages() {
        InvalidIdentifierException e = refused(() -> PersonalNif.of("spouseNif", "12345678A"));
        assertRefusal("spouseNif", "nif.control", e);
        assertEquals("12345678A is not a valid NIF or NIE: its control letter should be Z.", e.message(Locale.ENGLISH));
        assertEquals("12345678A no es un NIF o NIE válido: su letra de control debería ser Z.", e.message(SPANISH));
    }

    @Test
    void anEntitysNifOrAShapelessOrEmptyOneIsNotAPersonsNif() {
        assertRefusal("nif", "nif.person", refused(() -> PersonalNif.of("nif", "B12345674")));
        assertRefusal("nif", "nif.person", refused(() -> PersonalNif.of("nif", "B12345670")));
        assertRefusal("nif", "nif.format", refused(() -> PersonalNif.of("nif", "1234")));
        assertRefusal("nif", "nif.empty", refused(() -> PersonalNif.of("nif", " ")));
        assertRefusal("nif", "nif.empty", refused(() -> PersonalNif.of("nif", null)));
    }

    @Test
    void aNafsControlIsProvinceAndNumberModulo97() {
        // 28 12345678: 2812345678 mod 97 = 40
        assertEquals("281234567840", AffiliationNumber.of("naf", "28/12345678/40").value());
        assertEquals("281234567840", AffiliationNumber.of("naf", "28 12345678 40").value());
    }

    @Test
    void aNafWhoseNumberIsBelowTenMillionLeavesItsLeadingZeroOut() {
        // 28 01234567: 28 x 10^7 + 1234567 = 281234567, mod 97 = 42; with the zero, 2801234567 mod 97 would be 85
        assertEquals("280123456742", AffiliationNumber.of("naf", "280123456742").value());
        InvalidIdentifierException e = refused(() -> AffiliationNumber.of("naf", "280123456785"));
        assertRefusal("naf", "naf.control", e);
        assertTrue(e.message(Locale.ENGLISH).endsWith("its control digits should be 42."), e.getMessage());
    }

    @Test
    void aNafWithWrongControlDigitsOrShapeIsRefusedInBothLanguages() {
        InvalidIdentifierException e = refused(() -> AffiliationNumber.of("naf", "281234567841"));
        assertRefusal("naf", "naf.control", e);
        assertEquals("281234567841 is not a valid Social Security number (NAF): its control digits should be 40.",
                e.message(Locale.ENGLISH));
        assertEquals(
                "281234567841 no es un número de la Seguridad Social (NAF) válido: sus dígitos de control deberían ser 40.",
                e.message(SPANISH));
        assertRefusal("naf", "naf.format", refused(() -> AffiliationNumber.of("naf", "2812345678")));
        assertRefusal("naf", "naf.format", refused(() -> AffiliationNumber.of("naf", "28123456784A")));
        assertRefusal("naf", "naf.empty", refused(() -> AffiliationNumber.of("naf", "")));
    }

    @Test
    void anIbanIsCheckedModulo97WhateverItsCountry() {
        assertEquals("ES9121000418450200051332", Iban.of("iban", "es91 2100 0418 4502 0005 1332").value());
        assertEquals("DE89370400440532013000", Iban.of("iban", "DE89 3704 0044 0532 0130 00").value());
        assertRefusal("iban", "iban.control", refused(() -> Iban.of("iban", "ES9221000418450200051332")));
        assertRefusal("iban", "iban.control", refused(() -> Iban.of("iban", "DE88370400440532013000")));
    }

    @Test
    void aSpanishIbanHas24CharactersAndItsAccountsOwnControlDigits() {
        assertRefusal("iban", "iban.format.es", refused(() -> Iban.of("iban", "ES912100041845020005133")));
        // the IBAN's check digits recomputed around an account whose control digits are 46 instead of 45
        InvalidIdentifierException e = refused(() -> Iban.of("iban", "ES2921000418460200051332"));
        assertRefusal("iban", "iban.ccc", e);
        assertEquals("ES2921000418460200051332 is not a valid Spanish IBAN: the control digits of the account number "
                + "should be 45.", e.message(Locale.ENGLISH));
        assertEquals("ES2921000418460200051332 no es un IBAN español válido: los dígitos de control de la cuenta "
                + "deberían ser 45.", e.message(SPANISH));
    }

    @Test
    void aShapelessOrEmptyIbanIsRefused() {
        assertRefusal("iban", "iban.format", refused(() -> Iban.of("iban", "1234")));
        assertRefusal("iban", "iban.format", refused(() -> Iban.of("iban", "ES91-2100")));
        assertRefusal("iban", "iban.empty", refused(() -> Iban.of("iban", null)));
    }
}
