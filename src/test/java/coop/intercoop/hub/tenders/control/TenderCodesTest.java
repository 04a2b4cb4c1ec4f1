package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenders.control.TenderCodes.CodeList;

/** The code lists and reserved declarations of {@code config/tenders/}, as the hub ships them. */
class TenderCodesTest {

    private final TenderCodes codes = new TenderCodes("config/tenders");

    @Test
    void aCodeIsNamedInTheReadersLanguageFromTheOfficialList() {
        // SyndicationContractFolderStatusCode-2.04: Spanish names only, which English readers get too
        assertEquals(Optional.of("En plazo"), codes.label(CodeList.STATUS, "PUB", Locale.forLanguageTag("es")));
        assertEquals(Optional.of("Pendiente de adjudicación"), codes.label(CodeList.STATUS, "EV", Locale.ENGLISH));
        // ContractCode-2.08 has both columns, nombre before name
        assertEquals(Optional.of("Suministros"), codes.label(CodeList.CONTRACT_TYPE, "1", Locale.forLanguageTag("es")));
        assertEquals(Optional.of("Goods"), codes.label(CodeList.CONTRACT_TYPE, "1", Locale.ENGLISH));
        // TenderResultCode-2.02 has name before nombre
        assertEquals(Optional.of("Desierto"), codes.label(CodeList.RESULT, "3", Locale.forLanguageTag("es")));
        assertEquals(Optional.of("Void"), codes.label(CodeList.RESULT, "3", Locale.ENGLISH));
        assertEquals(Optional.of("Abierto simplificado"),
                codes.label(CodeList.PROCEDURE, "9", Locale.forLanguageTag("es")));
        assertEquals(Optional.empty(), codes.label(CodeList.STATUS, "XYZ", Locale.ENGLISH));
    }

    @Test
    void theReservedDeclarationsNameTheirReservation() {
        assertEquals(Map.of("10", "DA4", "11", "DA4", "16", "DA4", "17", "DA48"), codes.reservations());
        assertEquals(Optional.of("DA4"), codes.reservation(List.of("1", "2", "16")));
        assertEquals(Optional.empty(), codes.reservation(List.of("1", "12", "13")));
    }

    /**
     * Ley 9/2017 arts. 87.3.a, 90.1.a and 90.2 (BOE-A-2017-12902), as config/tenders/solvency-defaults.csv has them.
     */
    @Test
    void theDefaultSolvencyIsTheLawsWhereTheClausesSetNone() {
        assertEquals(new coop.intercoop.hub.tenders.entity.SolvencyRules(new java.math.BigDecimal("1.5"),
                new java.math.BigDecimal("70"), 3, 3), codes.solvencyRules());
    }

    /** RGLCAP art. 85 (BOE-A-2001-19995), as config/tenders/abnormally-low.csv carries it, point by point. */
    @Test
    void theAbnormallyLowThresholdsAreThoseOfTheRegulationByTheNumberOfBidders() {
        assertEquals(new java.math.BigDecimal("25"), codes.abnormallyLowAlone());
        assertEquals(List.of("1 budget 25", "2 other-offer 20", "3 mean 10", "4 mean 10"),
                codes.abnormallyLow().stream().map(a -> a.bidders() + " " + a.measure() + " " + a.units()).toList());
        codes.abnormallyLow().forEach(a -> assertTrue(a.source().startsWith("BOE-A-2001-19995 art. 85."), a::source));
    }
}
