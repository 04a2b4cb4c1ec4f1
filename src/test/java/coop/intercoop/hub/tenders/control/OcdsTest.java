package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;
import coop.intercoop.hub.tenders.entity.Tender;

/**
 * The OCDS standard's own example releases are read into tenders (codes through ocds-mapping.csv, values in pounds left
 * out), every tender of a real feed page makes the round trip through an OCDS release, and what is not a release
 * package is refused naming why.
 */
class OcdsTest {

    final TenderCodes.OcdsMapping mapping = new TenderCodes("config/tenders").ocds();

    static InputStream resource(String name) {
        return OcdsTest.class.getResourceAsStream("/coop/intercoop/hub/tenders/" + name);
    }

    @Test
    void theStandardsExampleReleasesAreReadWithTheirCodesDatesAndClassifications() throws IOException {
        Ocds.Read planning;
        try (InputStream in = resource("ocds-213czf-000-00001-01-planning.json")) {
            planning = Ocds.read(in, mapping);
        }
        Ocds.Read tender;
        try (InputStream in = resource("ocds-213czf-000-00001-02-tender.json")) {
            tender = Ocds.read(in, mapping);
        }
        Ocds.Read amended;
        try (InputStream in = resource("ocds-213czf-000-00001-03-tenderAmendment.json")) {
            amended = Ocds.read(in, mapping);
        }
        Tender t = tender.page().entries().get(0);
        assertEquals("ocds:ocds-213czf-000-00001", t.entryId());
        assertEquals("PUB", t.status(), "active");
        assertEquals("PRE", planning.page().entries().get(0).status(), "planned");
        assertEquals("Planned cycle lane improvements", t.title());
        assertEquals("London Borough of Barnet", t.buyer().name());
        assertEquals(Optional.of("3"), t.contractType(), "works");
        assertEquals(Optional.of("1"), t.procedure(), "open");
        assertEquals(List.of("45233130", "45233162"), t.cpvs());
        // 18:00 UTC on 1 April 2010 is 20:00 in Madrid (summer time)
        assertEquals(Optional.of(LocalDateTime.of(2010, 4, 1, 20, 0)), t.deadline());
        assertEquals(Optional.of(LocalDateTime.of(2010, 4, 8, 20, 0)), amended.page().entries().get(0).deadline());
        assertTrue(amended.page().entries().get(0).updated().isAfter(t.updated()), "the amendment replaces it");
        assertEquals(Optional.empty(), t.estimatedValue(), "GBP 1,100,000 is not kept as euros");
        assertEquals(1, tender.valuesLeftOut());
        assertEquals("http://example.com/tender-notices/ocds-213czf-000-00001-01.html", t.link());
    }

    @Test
    void everyTenderOfAFeedPageMakesTheRoundTripThroughARelease() throws IOException {
        FeedPage page;
        try (InputStream in = resource("643-2026-08-05-head-page.atom")) {
            page = FeedReader.read(in);
        }
        long id = 1;
        for (Tender original : page.entries()) {
            JsonObject released = Ocds.release(new Tenders.Kept(id++, original, Optional.empty(), Instant.now()),
                    mapping, "ocds-test01", Instant.parse("2026-12-07T10:00:00Z"));
            Tender back = Ocds
                    .read(new ByteArrayInputStream(released.toString().getBytes(StandardCharsets.UTF_8)), mapping)
                    .page().entries().get(0);
            assertEquals(original.folderId(), back.folderId());
            assertEquals(original.title(), back.title());
            assertEquals(original.buyer().name(), back.buyer().name());
            assertEquals(original.buyer().dir3(), back.buyer().dir3());
            assertEquals(original.cpvs().stream().distinct().toList(), back.cpvs());
            assertEquals(original.deadline(), back.deadline());
            assertEquals(original.estimatedValue().or(original::budgetWithoutTaxes), back.estimatedValue());
            assertEquals(original.updated(), back.updated());
            assertEquals(mapping.fromOcds("status", mapping.toOcds("status", original.status()).orElseThrow()),
                    Optional.of(back.status()), original.status());
            assertEquals(
                    original.results().stream().filter(r -> mapping.toOcds("award", r.resultCode()).isPresent())
                            .map(r -> r.winnerName()).toList(),
                    back.results().stream().map(r -> r.winnerName()).toList());
        }
    }

    @Test
    void whatIsNotAReleasePackageIsRefusedNamingWhy() {
        assertEquals("ocds.json", refusal("{\"releases\": ["));
        assertEquals("ocds.release.none", refusal("{\"version\":\"1.1\"}"));
        assertEquals("ocds.release.none", refusal("[1, 2]"));
        assertEquals("ocds.release.missing",
                refusal("{\"releases\":[{\"ocid\":\"ocds-x-1\",\"date\":" + "\"2026-01-01T00:00:00Z\"}]}"));
        assertEquals("ocds.release.value", refusal("{\"releases\":[{\"ocid\":\"ocds-x-1\",\"date\":\"yesterday\"}]}"));
        assertEquals("ocds.release.status", refusal("{\"ocid\":\"ocds-x-1\",\"date\":\"2026-01-01T00:00:00Z\","
                + "\"tender\":{\"status\":\"dormant\"},\"buyer\":{\"name\":\"X\"}}"));
    }

    private String refusal(String json) {
        return assertThrows(FeedRefusedException.class,
                () -> Ocds.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), mapping)).key();
    }
}
