package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

class ServiceRecordTest {

    @Test
    void aServiceKeepsItsCodesWithoutCheckDigitsAndItsAmountToTheCent() {
        ServiceRecord s = new ServiceRecord(" Day centre ", "Ayuntamiento de Zafra", true, "P0615200F",
                List.of("85311000-2", "85312000", "85311000"), new BigDecimal("1200.5"), LocalDate.of(2024, 1, 1), null,
                "CBE-12");
        assertEquals("Day centre", s.getTitle());
        assertEquals(List.of("85311000", "85312000"), s.getCpvs());
        assertEquals(new BigDecimal("1200.50"), s.getAmount());
    }

    @Test
    void everyBadFieldIsRefusedAtOnceNamingIt() {
        HubException refused = assertThrows(HubException.class,
                () -> new ServiceRecord("", null, null, "X".repeat(21), List.of("8531", "85311000"),
                        new BigDecimal("10.001"), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31), null));
        assertEquals(List.of("title", "recipient", "recipientPublic", "recipientTaxId", "cpvs", "amount", "ended"),
                refused.all().stream().map(HubException::field).toList());
        assertEquals(List.of("cpvs", "amount", "started"),
                assertThrows(HubException.class,
                        () -> new ServiceRecord("T", "R", false, null, List.of(), BigDecimal.ZERO, null, null, null))
                                .all().stream().map(HubException::field).toList());
    }
}
