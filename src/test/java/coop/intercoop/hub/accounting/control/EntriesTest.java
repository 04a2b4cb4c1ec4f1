package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class EntriesTest {

    @Test
    void sharePercentagesReadAsWrittenNeverInExponentNotation() {
        assertEquals("60", Entries.percent(new BigDecimal("60.0000")).toString());
        assertEquals("100", Entries.percent(new BigDecimal("100.0000")).toString());
        assertEquals("12.5", Entries.percent(new BigDecimal("12.5000")).toString());
        assertEquals("33.3333", Entries.percent(new BigDecimal("33.3333")).toString());
    }
}
