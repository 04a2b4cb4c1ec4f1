package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    private static Account banks() {
        return Account.ofTemplate("572", "Bancos e instituciones de crédito c/c vista, euros", Nature.ASSET,
                AccountKind.POSTING, "57");
    }

    @Test
    void theGroupIsTheFirstDigit() {
        assertEquals(5, banks().getGroup());
        assertEquals(1,
                Account.ofTemplate("1", "Financiación básica", Nature.EQUITY, AccountKind.HEADING, null).getGroup());
    }

    @Test
    void aSubaccountOfAPostingTemplateAccountInheritsItsNature() {
        Account banks = banks();
        Account sub = banks.subaccount("5720001", " Banco Uno, cuenta corriente ");
        assertEquals("5720001", sub.getCode());
        assertEquals("Banco Uno, cuenta corriente", sub.getName());
        assertEquals("572", sub.getParentCode());
        assertEquals(Nature.ASSET, sub.getNature());
        assertEquals(AccountKind.POSTING, sub.getKind());
        assertEquals(5, sub.getGroup());
        assertFalse(sub.isFromTemplate());
    }

    @Test
    void anOwnSubaccountTakesANewNameStrippedAndATemplatesAccountKeepsItsOwn() {
        Account sub = banks().subaccount("5720001", "Banco Uno");
        assertEquals("Banco Dos", sub.renamed("  Banco Dos "));
        assertEquals("Banco Uno", sub.getName(), "the name is written by the chart's writer, not changed here");
        assertEquals("name", assertThrows(InvalidAccountException.class, () -> sub.renamed(" ")).field());
        assertEquals("code", assertThrows(InvalidAccountException.class, () -> banks().renamed("Bancos")).field());
    }

    @Test
    void aHeadingCanBeExtended() {
        Account heading = Account.ofTemplate("57", "Tesorería", Nature.ASSET, AccountKind.HEADING, "5");
        assertEquals("57", heading.subaccount("579", "Otra tesorería").getParentCode());
        assertEquals(AccountKind.HEADING, heading.getKind());
    }

    @Test
    void aSubaccountOfASubaccountIsRefused() {
        Account sub = banks().subaccount("5720001", "Banco Uno");
        InvalidAccountException refused = assertThrows(InvalidAccountException.class,
                () -> sub.subaccount("57200011", "Banco Uno bis"));
        assertEquals("code", refused.field());
        assertTrue(refused.getMessage().contains("572"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "5730001", "57", "572", "4720001" })
    void aSubaccountMustStartWithTheParentsCodeAndBeLonger(String code) {
        InvalidAccountException refused = assertThrows(InvalidAccountException.class,
                () -> banks().subaccount(code, "Banco"));
        assertEquals("code", refused.field());
        assertTrue(refused.getMessage().contains("must start with 572"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "572.0001", "572A", "572 0001", "-5720001", "５７２０" })
    void aCodeIsDigitsOnly(String code) {
        InvalidAccountException refused = assertThrows(InvalidAccountException.class, () -> Account.checkCode(code));
        assertEquals("code", refused.field());
        assertTrue(refused.getMessage().contains("digits only"), refused.getMessage());
    }

    @Test
    void aCodeHasAtMostTwelveDigits() {
        assertEquals("572000000001", Account.checkCode("572000000001"));
        InvalidAccountException refused = assertThrows(InvalidAccountException.class,
                () -> banks().subaccount("5720000000001", "Banco"));
        assertTrue(refused.getMessage().contains("at most 12"), refused.getMessage());
    }

    @Test
    void aCodeLongerThanTheMaximumIsRefusedNamingTheMaximumNotCut() {
        AccountCodeTooLongException refused = assertThrows(AccountCodeTooLongException.class,
                () -> Account.checkCode("572000000000001"));
        assertEquals("code", refused.field());
        assertTrue(refused.getMessage().contains("15 digits; at most 12"), refused.getMessage());
    }

    @Test
    void aSubaccountDirectlyUnderASubgroupIsRefused() {
        Account subgroup = Account.ofTemplate("99", "Ingresos de participaciones", Nature.INCOME, AccountKind.HEADING,
                "9");
        SubaccountUnderSubgroupException refused = assertThrows(SubaccountUnderSubgroupException.class,
                () -> subgroup.subaccount("9990001", "Otros ingresos"));
        assertEquals("code", refused.field());
        assertTrue(refused.getMessage().contains("9990001") && refused.getMessage().contains("from 99,"),
                refused.getMessage());
        assertEquals(AccountKind.HEADING, subgroup.getKind());
        Account group = Account.ofTemplate("5", "Cuentas financieras", Nature.ASSET, AccountKind.HEADING, null);
        assertThrows(SubaccountUnderSubgroupException.class, () -> group.subaccount("5990001", "Otra"));
    }

    @Test
    void aCodeLongerThanThreeDigitsExtendsAnAccountOfThreeOrMoreDigits() {
        Account.checkParent("9990001", "999");
        Account.checkParent("999", "99");
        assertThrows(SubaccountUnderSubgroupException.class, () -> Account.checkParent("9990", "99"));
    }

    @Test
    void aCodeCannotStartWithZeroOrBeEmpty() {
        assertTrue(assertThrows(InvalidAccountException.class, () -> Account.checkCode("0572")).getMessage()
                .contains("group, 1 to 9"));
        assertTrue(assertThrows(InvalidAccountException.class, () -> Account.checkCode(" ")).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(InvalidAccountException.class, () -> Account.checkCode(null)).getMessage()
                .contains("empty"));
    }

    @Test
    void aNameIsRequiredAndBounded() {
        assertEquals("name",
                assertThrows(InvalidAccountException.class, () -> banks().subaccount("5720001", " ")).field());
        assertEquals("name",
                assertThrows(InvalidAccountException.class, () -> banks().subaccount("5720001", "x".repeat(201)))
                        .field());
    }

    @Test
    void aRefusedSubaccountLeavesTheParentAsItWas() {
        Account banks = banks();
        assertThrows(InvalidAccountException.class, () -> banks.subaccount("5720001", ""));
        assertEquals(AccountKind.POSTING, banks.getKind());
    }

    @Test
    void aTemplateAccountMustExtendItsParent() {
        assertThrows(InvalidAccountException.class,
                () -> Account.ofTemplate("572", "Bancos", Nature.ASSET, AccountKind.POSTING, "47"));
        assertNull(Account.ofTemplate("5", "Cuentas financieras", Nature.ASSET, AccountKind.HEADING, null)
                .getParentCode());
    }
}
