package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The statement of changes in equity as the page shows it: without what is empty in both years, its header fitted. */
class EquityChangesPageTest {

    /**
     * A PYMES's first year with capital opened and a contribution of the owners: Capital keeps its heading over
     * Escriturado alone, Otras aportaciones de socios spans both header rows, the rows without an amount are left out
     * and the previous year's rows that stay (A, B, C) are empty but for C.
     */
    @Test
    void theRowsAndColumnsEmptyInBothYearsAreLeftOutAndTheHeaderFitsTheRest() throws IOException {
        EquityChangesPage.Shown shown = EquityChangesPage.shown(ReportWorkbooksTest.firstYearOfAPymes());
        assertEquals(List.of(new EquityChangesPage.HeaderCell("Capital", 1, 1),
                new EquityChangesPage.HeaderCell("Otras aportaciones de socios", 1, 2)), shown.upper());
        assertEquals(List.of(new EquityChangesPage.HeaderCell("Escriturado", 1, 1)), shown.lower());
        assertEquals(List.of("A", "B", "B.III", "B.III.3", "C", "D", "D.III", "D.III.3", "E"),
                shown.rows().stream().map(EquityChangesPage.ShownRow::code).toList());
        assertEquals(Arrays.asList(null, null), shown.rows().get(0).amounts());
        assertNull(shown.rows().get(0).total());
        assertEquals(List.of(new BigDecimal("3000.00"), new BigDecimal("0.00")), shown.rows().get(4).amounts());
        assertEquals(List.of(new BigDecimal("3000.00"), new BigDecimal("100.00")), shown.rows().get(8).amounts());
        assertEquals(new BigDecimal("3100.00"), shown.rows().get(8).total());
    }
}
