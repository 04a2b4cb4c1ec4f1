package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

class TenderWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static TenderWatch.Filter filter(List<String> cpv, String min) {
        return new TenderWatch.Filter(List.of("PUB"), cpv, List.of("ES3"),
                Optional.ofNullable(min).map(BigDecimal::new), Optional.empty(), true, Optional.of(" limpieza "));
    }

    @Test
    void aWatchKeepsItsFilterAndLooksOnlyAtPublishedTenders() {
        TenderWatch watch = new TenderWatch("  Limpieza Madrid ", filter(List.of("9091", "85"), "1000"), 7, NOW);
        assertEquals("Limpieza Madrid", watch.getName());
        assertEquals(NOW, watch.getSeenAt());
        TenderWatch.Filter kept = watch.getFilter();
        assertEquals(List.of("9091", "85"), kept.cpvPrefixes());
        assertEquals(Optional.of("limpieza"), kept.words());
        TenderFilter tenders = kept.tenders();
        assertTrue(tenders.openOnly());
        assertTrue(tenders.reservedOnly());
        assertEquals(Optional.of(new BigDecimal("1000")), tenders.minValue());
        watch.seen(NOW.plusSeconds(60));
        assertEquals(NOW.plusSeconds(60), watch.getSeenAt());
    }

    @Test
    void aNameAndEveryBadPartOfTheFilterAreRefusedAtOnce() {
        HubException refused = assertThrows(HubException.class,
                () -> new TenderWatch(" ", filter(List.of("85-31"), "-5"), 7, NOW));
        assertEquals(List.of("name", "cpv", "minValue"), refused.all().stream().map(HubException::field).toList());
        assertThrows(HubException.class, () -> new TenderWatch("x".repeat(101), filter(List.of(), null), 7, NOW));
    }
}
