package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

class TenderFilterTest {

    private static TenderFilter filter(List<String> statuses, List<String> cpvs, List<String> nuts, String min,
            String max, LocalDate from, LocalDate to, String words) {
        return new TenderFilter(statuses, cpvs, nuts, Optional.ofNullable(min).map(BigDecimal::new),
                Optional.ofNullable(max).map(BigDecimal::new), false, Optional.ofNullable(from),
                Optional.ofNullable(to), Optional.ofNullable(words), false);
    }

    @Test
    void aFilterOfTheRightShapesIsKeptWithItsWordsTrimmed() {
        TenderFilter filter = filter(List.of("PUB", "EV"), List.of("8531", "85311000"), List.of("ES", "ES300"), "0",
                "100000", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), "  limpieza ");
        assertEquals(Optional.of("limpieza"), filter.words());
        assertEquals(Optional.empty(), filter(List.of(), List.of(), List.of(), null, null, null, null, "   ").words());
    }

    @Test
    void everyPartThatCannotFilterIsRefusedAtOnceNamingItsField() {
        HubException refused = assertThrows(HubException.class,
                () -> filter(List.of("pub"), List.of("85-31", "123456789"), List.of("madrid"), "-1", "-2",
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1), "x".repeat(201)));
        assertEquals(List.of("status", "cpv", "cpv", "nuts", "minValue", "maxValue", "minValue", "deadlineFrom", "q"),
                refused.all().stream().map(HubException::field).toList());
        assertEquals(
                List.of("filter.status", "filter.cpv", "filter.cpv", "filter.nuts", "filter.value", "filter.value",
                        "filter.values", "filter.deadlines", "filter.words"),
                refused.all().stream().map(HubException::key).toList());
        assertEquals("'85-31' is not a CPV prefix: 1 to 8 digits of a CPV code, such as 8531.",
                refused.all().get(1).getMessage());
    }
}
