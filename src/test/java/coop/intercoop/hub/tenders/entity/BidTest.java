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
}
