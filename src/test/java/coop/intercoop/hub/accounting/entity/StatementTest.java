package coop.intercoop.hub.accounting.entity;

import static coop.intercoop.hub.accounting.entity.HandPostedBooks.credit;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.debit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.Statement.InvalidStatementFileException;

class StatementTest {

    private static final List<String> MODEL = List.of("# a comment", Statement.HEADER, "T;Total;0;D;",
            "A;Fixed assets;1;D;+20;-280", "B;Current assets;1;D;", "B.1;Cash;2;D;+57", "B.2;Debtors;2;D;+43;+44",
            "R;Fixed less current;0;D;+[A];-[B]");

    @Test
    void contraAccountsReduceTheLineAndHeadingsSumTheLevelBelow() {
        Statement s = Statement.parse("test", "test.csv", MODEL);
        List<Statement.Amount> amounts = s.evaluate(Map.of("2060", debit("1000.00"), "2806", credit("250.00"), "570",
                debit("40.00"), "5720001", debit("60.00"), "4300", debit("5.00"), "129", credit("855.00")));
        assertEquals(new BigDecimal("750.00"), Statement.amountOf(amounts, "A"));
        assertEquals(new BigDecimal("100.00"), Statement.amountOf(amounts, "B.1"));
        assertEquals(new BigDecimal("105.00"), Statement.amountOf(amounts, "B"));
        assertEquals(new BigDecimal("855.00"), Statement.amountOf(amounts, "T"));
        assertEquals(new BigDecimal("645.00"), Statement.amountOf(amounts, "R"));
        assertEquals(2, amounts.get(3).level());
    }

    @Test
    void bothColumnsAreFormedByTheSameLinesEachFromItsOwnMovements() {
        Statement s = Statement.parse("test", "test.csv", MODEL);
        List<Statement.Amount> amounts = s.evaluate(
                Map.of("2060", debit("1000.00"), "2806", credit("250.00"), "570", debit("40.00"), "129",
                        credit("790.00")),
                Map.of("2060", debit("1000.00"), "2806", credit("50.00"), "4300", debit("5.00"), "129",
                        credit("955.00")));
        assertEquals(List.of("T", "A", "B", "B.1", "B.2", "R"), amounts.stream().map(Statement.Amount::code).toList());
        Statement.Amount fixed = amounts.get(1);
        assertEquals(new BigDecimal("750.00"), fixed.amount());
        assertEquals(new BigDecimal("950.00"), fixed.previous());
        Statement.Amount cash = amounts.get(3);
        assertEquals(new BigDecimal("40.00"), cash.amount());
        assertEquals(new BigDecimal("0.00"), cash.previous());
        assertEquals(new BigDecimal("5.00"), amounts.get(4).previous());
        assertEquals(new BigDecimal("955.00"), amounts.get(0).previous());
        assertEquals(new BigDecimal("945.00"), amounts.get(5).previous());
        assertEquals(new BigDecimal("710.00"), amounts.get(5).amount());
    }

    @Test
    void withoutAPreviousPeriodThePreviousColumnIsEmptyNotZero() {
        Statement s = Statement.parse("test", "test.csv", MODEL);
        List<Statement.Amount> amounts = s.evaluate(Map.of("570", debit("40.00")), null);
        assertEquals(new BigDecimal("40.00"), Statement.amountOf(amounts, "B"));
        assertTrue(amounts.stream().allMatch(a -> a.previous() == null), amounts.toString());
        assertEquals(amounts, s.evaluate(Map.of("570", debit("40.00"))));
    }

    @Test
    void creditSideLinesShowCreditBalancesAsPositive() {
        Statement s = Statement.parse("test", "test.csv",
                List.of(Statement.HEADER, "E;Excedente;0;C;+129;+6;+7", "F;Fondo;0;C;+100;-103"));
        List<Statement.Amount> amounts = s.evaluate(Map.of("640", debit("100.00"), "721", credit("300.00"), "100",
                credit("1000.00"), "103", debit("200.00")));
        assertEquals(new BigDecimal("200.00"), Statement.amountOf(amounts, "E"));
        assertEquals(new BigDecimal("800.00"), Statement.amountOf(amounts, "F"));
    }

    @Test
    void aBankInOverdraftGoesToTheDebtsOnItsOwnWhileTheOtherBanksStayInCash() {
        Statement s = Statement.parse("test", "test.csv",
                List.of(Statement.HEADER, "CASH;Cash;0;D;+570;+572(D)", "DEBT;Debts with banks;0;C;+520;+572(C)"));
        List<Statement.Amount> amounts = s.evaluate(
                Map.of("570", debit("40.00"), "5720001", debit("1000.00"), "5720002", credit("300.00"), "5720003",
                        new Movement(new BigDecimal("50.00"), new BigDecimal("50.00")), "5201", credit("100.00")));
        assertEquals(new BigDecimal("1040.00"), Statement.amountOf(amounts, "CASH"));
        assertEquals(new BigDecimal("400.00"), Statement.amountOf(amounts, "DEBT"));
    }

    @Test
    void anAccountDividedByItsMovementsShowsItsCreditsOnOneLineAndItsDebitsOnAnother() {
        Statement s = Statement.parse("test", "test.csv",
                List.of(Statement.HEADER, "RECEIVED;Grants received;0;C;+130(credits);+131(credits)",
                        "TRANSFERRED;Grants transferred;0;C;" + "-130(debits);-131(debits)",
                        "NET;Net change;0;C;+[RECEIVED];+[TRANSFERRED]"));
        // 5,000 received into 1300 and 1,000 of it transferred to income (746); 131 only received
        Map<String, Movement> books = Map.of("1300", new Movement(new BigDecimal("1000.00"), new BigDecimal("5000.00")),
                "131", credit("700.00"));
        List<Statement.Amount> amounts = s.evaluate(books);
        assertEquals(new BigDecimal("5700.00"), Statement.amountOf(amounts, "RECEIVED"));
        assertEquals(new BigDecimal("-1000.00"), Statement.amountOf(amounts, "TRANSFERRED"));
        assertEquals(new BigDecimal("4700.00"), Statement.amountOf(amounts, "NET"), "the accounts' net change");
        Map<String, List<String>> taking = s.linesTaking(List.of("1300", "132"));
        assertEquals(List.of("TRANSFERRED (debits) | RECEIVED (credits)"), taking.get("1300"));
        assertEquals(List.of(), taking.get("132"));
        Statement creditsOnly = Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;C;+130(credits)"));
        assertEquals(List.of("A (credits)", "no line for the other side"),
                creditsOnly.linesTaking(List.of("1300")).get("1300"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;C;+130(credit)"))).getMessage()
                        .contains("130(credits)"));
    }

    @Test
    void anAccountDividedByTheSideOfItsBalanceIsTakenOnceByAPairOfLines() {
        Statement s = Statement.parse("test", "test.csv",
                List.of(Statement.HEADER, "CASH;Cash;0;D;+572(D);+573(D)", "DEBT;Debts;0;C;+572(C)"));
        Map<String, List<String>> taking = s.linesTaking(List.of("5720001", "573"));
        assertEquals(List.of("CASH (D) | DEBT (C)"), taking.get("5720001"));
        assertEquals(List.of("CASH (D)", "no line for the other side"), taking.get("573"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;D;+572(X)"))).getMessage()
                        .contains("572(D)"));
    }

    @Test
    void malformedFilesAreRefusedNamingTheLine() {
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of("code;caption"))).getMessage().contains("x.csv:1"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;D;20"))).getMessage()
                        .contains("x.csv:2"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;D;+[B]", "B;b;1;D;+1")))
                        .getMessage().contains("earlier line"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;X;+1"))).getMessage()
                        .contains("side"));
        assertTrue(assertThrows(InvalidStatementFileException.class,
                () -> Statement.parse("x", "x.csv", List.of(Statement.HEADER, "A;a;1;D;+1", "A;b;1;D;+2"))).getMessage()
                        .contains("code of its own"));
    }

    @Test
    void linesTakingShowsGapsAndOverlaps() {
        Statement s = Statement.parse("test", "test.csv", MODEL);
        Map<String, List<String>> taking = s.linesTaking(List.of("2060", "570", "129"));
        assertEquals(List.of("A"), taking.get("2060"));
        assertEquals(List.of("B.1"), taking.get("570"));
        assertEquals(List.of(), taking.get("129"));
    }
}
