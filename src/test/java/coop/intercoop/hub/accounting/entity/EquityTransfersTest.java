package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import coop.intercoop.hub.platform.HubTexts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EquityTransfersTest {

    private final EquityTransfers rules = EquityTransfers.parse("pgc-x", "pgc-x.csv",
            List.of("# comment", "account;counterpart", "940;130", "941;131", "834;1370", "8301;", "9409;131"));

    @Test
    void theLongestPrefixRules() {
        assertEquals("131", rules.ruleOf("94091").orElseThrow().counterpart());
        assertEquals("130", rules.ruleOf("9401").orElseThrow().counterpart());
        assertTrue(rules.ruleOf("942").isEmpty());
    }

    @Test
    void aBalanceGoesToTheCounterpartWhenItIsAPostingAccount() {
        EquityTransfers.Transfer transfer = rules.transferOf("940", Set.of("130", "131"));
        assertEquals("130", transfer.counterpart());
        assertFalse(transfer.refused());
        assertEquals("130", rules.transferOf("9400001", Set.of("130")).counterpart());
    }

    @Test
    void aSubaccountGoesToTheCounterpartsSubaccountWithTheSameTrailingDigits() {
        assertEquals("1300", rules.transferOf("9400", Set.of("1300", "1301")).counterpart());
        assertEquals("1301", rules.transferOf("9401", Set.of("1300", "1301")).counterpart());
        assertEquals("1301", rules.transferOf("9401", Set.of("130", "1301")).counterpart());
    }

    @Test
    void aCounterpartDividedIntoOtherSubaccountsIsRefusedNamingTheAccount() {
        EquityTransfers.Transfer transfer = rules.transferOf("940", Set.of("1300", "1301"));
        assertTrue(transfer.refused());
        assertNull(transfer.counterpart());
        assertTrue(english(transfer).startsWith("940 closes against 130"), english(transfer));
        assertTrue(spanish(transfer).startsWith("940 se cierra contra 130"), spanish(transfer));
    }

    @Test
    void anAccountWithoutRuleOrLeftToAnEntryIsRefusedNamingIt() {
        assertTrue(english(rules.transferOf("942", Set.of("132"))).startsWith("942 has no subgroup 13 counterpart"));
        assertTrue(english(rules.transferOf("8301", Set.of("1370"))).startsWith("8301 goes to the subgroup 13"));
        assertTrue(EquityTransfers.none("pgc-y").transferOf("940", Set.of("130")).refused());
    }

    @Test
    void aFileThatBreaksTheFormatIsRefusedNamingTheLine() {
        assertThrows(EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("code;target")));
        EquityTransfers.InvalidClosingFileException notGroup89 = assertThrows(
                EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("account;counterpart", "740;130")));
        assertTrue(notGroup89.getMessage().contains("x.csv:2"), notGroup89.getMessage());
        assertThrows(EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("account;counterpart", "940;572")));
        assertThrows(EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("account;counterpart", "940;130", "940;131")));
    }

    @Test
    void actuarialGainsAndLossesCloseAgainstTheReserve115AndNoOtherAccountDoes() {
        EquityTransfers actuarial = EquityTransfers.parse("x", "x.csv",
                List.of("account;counterpart", "850;115", "951;115"));
        assertEquals("115", actuarial.transferOf("850", Set.of("115", "130")).counterpart());
        assertEquals("1150", actuarial.transferOf("9510", Set.of("1150", "1151")).counterpart());
        EquityTransfers.InvalidClosingFileException notActuarial = assertThrows(
                EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("account;counterpart", "800;115")));
        assertTrue(notActuarial.getMessage().contains("x.csv:2"), notActuarial.getMessage());
        assertThrows(EquityTransfers.InvalidClosingFileException.class,
                () -> EquityTransfers.parse("x", "x.csv", List.of("account;counterpart", "850;113")));
    }

    private static String english(EquityTransfers.Transfer transfer) {
        return (String) HubTexts.argument(transfer.refusal(), Locale.ENGLISH);
    }

    private static String spanish(EquityTransfers.Transfer transfer) {
        return (String) HubTexts.argument(transfer.refusal(), HubTexts.SPANISH);
    }
}
