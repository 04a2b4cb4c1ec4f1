package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

class BidTest {

    private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");
    private static final List<Long> MEMBERS = List.of(1L, 2L);
    private static final Optional<LocalDate> DEADLINE = Optional.of(LocalDate.of(2026, 7, 17));

    @Test
    void aBidIsForLotsOfItsTenderEachOnce() {
        Bid bid = new Bid(5, 40, List.of("2", "1"), List.of("1", "2", "3"), 9, NOW);
        assertEquals(List.of("2", "1"), bid.getLots());
        HubException refused = assertThrows(HubException.class,
                () -> new Bid(5, 40, List.of("1", "7", "1"), List.of("1", "2"), 9, NOW));
        assertEquals(List.of("bid.lot.unknown", "bid.lot.twice"),
                refused.all().stream().map(HubException::key).toList());
        assertEquals(List.of(), new Bid(5, 40, List.of(), List.of(), 9, NOW).getLots(), "the whole tender");
    }

    @Test
    void anItemIsOwnedByAMemberAndDueByTheDeadline() {
        Bid bid = new Bid(5, 40, List.of(), List.of(), 9, NOW);
        BidItem item = bid.add(BidItem.Envelope.TECHNICAL, " Memoria técnica ", 2L, LocalDate.of(2026, 7, 17), MEMBERS,
                DEADLINE);
        assertEquals("Memoria técnica", item.getTitle());
        assertTrue(item.isLate(LocalDate.of(2026, 7, 18)));
        assertFalse(item.isLate(LocalDate.of(2026, 7, 17)));
        item.done(true, 9, NOW);
        assertFalse(item.isLate(LocalDate.of(2026, 7, 18)), "done is never late");
        HubException refused = assertThrows(HubException.class,
                () -> bid.add(null, " ", 3L, LocalDate.of(2026, 7, 18), MEMBERS, DEADLINE));
        assertEquals(List.of("envelope", "title", "ownerOrganisationId", "dueDate"),
                refused.all().stream().map(HubException::field).toList());
        assertEquals("bid.item.afterDeadline", refused.all().get(3).key());
        assertEquals(1, bid.getItems().size(), "nothing of a refused item is kept");
        assertEquals("bid.item.owner.missing",
                assertThrows(HubException.class,
                        () -> bid.add(BidItem.Envelope.ECONOMIC, "Oferta", null, null, MEMBERS, Optional.empty()))
                                .key());
    }

    @Test
    void theScorecardWeighsItsLinesAndRefusesEveryBadOneNamingIt() {
        Bid bid = new Bid(5, 40, List.of(), List.of(), 9, NOW);
        assertEquals(Optional.empty(), bid.weightedScore());
        bid.score(List.of(new Bid.Score(" Encaje ", new java.math.BigDecimal("3"), new java.math.BigDecimal("8"), null),
                new Bid.Score("Riesgo", java.math.BigDecimal.ONE, new java.math.BigDecimal("4"), " alto ")));
        // (3 x 8 + 1 x 4) / 4
        assertEquals(Optional.of(new java.math.BigDecimal("7.00")), bid.weightedScore());
        assertEquals("Encaje", bid.getScorecard().get(0).getCriterion());
        HubException refused = assertThrows(HubException.class, () -> bid.score(
                List.of(new Bid.Score("", new java.math.BigDecimal("0"), new java.math.BigDecimal("10.5"), null))));
        assertEquals(List.of("scorecard[0].criterion", "scorecard[0].weight", "scorecard[0].score"),
                refused.all().stream().map(HubException::field).toList());
        assertEquals(2, bid.getScorecard().size(), "a refused scorecard leaves the one kept");
    }

    @Test
    void aCertificateIsValidFromItsFirstDayToItsLast() {
        Certificate open = new Certificate(Certificate.Kind.QUALITY, "ISO 9001", null, " ", null,
                LocalDate.of(2026, 1, 1), null);
        assertTrue(open.validOn(LocalDate.of(2030, 1, 1)));
        assertFalse(open.validOn(LocalDate.of(2025, 12, 31)));
        assertEquals(Optional.empty(), open.getReference(), "a blank reference is none");
        Certificate tax = new Certificate(Certificate.Kind.TAX_AGENCY, "AEAT", "AEAT", "123",
                "https://sede.agenciatributaria.gob.es/Sede/certificados.html", LocalDate.of(2026, 1, 15),
                LocalDate.of(2027, 1, 14));
        assertTrue(tax.validOn(LocalDate.of(2027, 1, 14)));
        assertFalse(tax.validOn(LocalDate.of(2027, 1, 15)));
        HubException refused = assertThrows(HubException.class, () -> new Certificate(null, " ", "x".repeat(201), null,
                "javascript:alert(1)", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30)));
        assertEquals(List.of("kind", "title", "issuer", "uri", "validUntil"),
                refused.all().stream().map(HubException::field).toList());
    }
}
