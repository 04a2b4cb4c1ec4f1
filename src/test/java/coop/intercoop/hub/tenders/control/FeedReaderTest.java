package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.Tender.Criterion;
import coop.intercoop.hub.tenders.entity.Tender.TenderDocument;

/**
 * The feed reader against two real pages of the procurement platform's syndication 643 (their origin in the test
 * resources' README): every entry is checked against what an XPath over the same file finds, and a few against the page
 * as a person reads it. Bad pages are refused whole, naming what is wrong.
 */
class FeedReaderTest {

    static final String HEAD_PAGE = "643-2026-08-05-head-page.atom";
    static final String TWENTY_ENTRIES = "643-2018-01-twenty-entries.atom";

    static FeedPage read(String resource) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/coop/intercoop/hub/tenders/" + resource)) {
            return FeedReader.read(in);
        }
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/coop/intercoop/hub/tenders/" + resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTermReadsInYearsWhateverItsUnit() {
        assertEquals(new BigDecimal("4.0000"), new Tender.Term(new BigDecimal("48"), Tender.Term.Unit.MON).years());
        assertEquals(new BigDecimal("0.3288"), new Tender.Term(new BigDecimal("120"), Tender.Term.Unit.DAY).years());
        assertEquals(new BigDecimal("11.0000"), new Tender.Term(new BigDecimal("11"), Tender.Term.Unit.ANN).years());
        assertEquals(new BigDecimal("0.5000"), new Tender.Term(new BigDecimal("26"), Tender.Term.Unit.WEE).years());
    }

    @ParameterizedTest
    @ValueSource(strings = { HEAD_PAGE, TWENTY_ENTRIES })
    void everyEntryReadsWithItsLotsBudgetsDeadlineAndStatus(String resource) throws Exception {
        FeedPage page = read(resource);
        Document dom = dom(bytes(resource));
        XPath xpath = xpath();
        NodeList entries = (NodeList) xpath.evaluate("/a:feed/a:entry", dom, XPathConstants.NODESET);
        assertEquals(entries.getLength(), page.entries().size());
        for (int i = 0; i < entries.getLength(); i++) {
            Node entry = entries.item(i);
            Tender tender = page.entries().get(i);
            String folder = "p:ContractFolderStatus/";
            assertEquals(xpath.evaluate("a:id", entry), tender.entryId());
            assertEquals(xpath.evaluate(folder + "cbc:ContractFolderID", entry), tender.folderId());
            assertEquals(xpath.evaluate(folder + "pb:ContractFolderStatusCode", entry), tender.status());
            String budget = folder + "cac:ProcurementProject/cac:BudgetAmount/";
            assertEquals(amount(xpath.evaluate(budget + "cbc:TotalAmount", entry)), tender.budgetWithTaxes(),
                    tender.folderId());
            assertEquals(amount(xpath.evaluate(budget + "cbc:TaxExclusiveAmount", entry)), tender.budgetWithoutTaxes(),
                    tender.folderId());
            assertEquals(amount(xpath.evaluate(budget + "cbc:EstimatedOverallContractAmount", entry)),
                    tender.estimatedValue(), tender.folderId());
            String duration = folder + "cac:ProcurementProject/cac:PlannedPeriod/cbc:DurationMeasure";
            assertEquals(amount(xpath.evaluate(duration, entry)), tender.duration().map(Tender.Term::amount),
                    tender.folderId());
            assertEquals(xpath.evaluate(duration + "/@unitCode", entry),
                    tender.duration().map(d -> d.unit().name()).orElse(""), tender.folderId());
            String end = xpath.evaluate(folder + "cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate",
                    entry);
            assertEquals(end.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(end)),
                    tender.deadline().map(LocalDateTime::toLocalDate), tender.folderId());
            NodeList lots = (NodeList) xpath.evaluate(folder + "cac:ProcurementProjectLot", entry,
                    XPathConstants.NODESET);
            assertEquals(lots.getLength(), tender.lots().size(), tender.folderId());
            for (int l = 0; l < lots.getLength(); l++) {
                Node lot = lots.item(l);
                assertEquals(xpath.evaluate("cbc:ID", lot), tender.lots().get(l).id());
                assertEquals(
                        amount(xpath.evaluate("cac:ProcurementProject/cac:BudgetAmount/cbc:TaxExclusiveAmount", lot)),
                        tender.lots().get(l).budgetWithoutTaxes());
                assertEquals(
                        ((Number) xpath.evaluate("count(cac:ProcurementProject/cac:RequiredCommodityClassification)",
                                lot, XPathConstants.NUMBER)).intValue(),
                        tender.lots().get(l).cpvs().size());
            }
            assertEquals(
                    ((Number) xpath.evaluate("count(" + folder + "cac:TenderResult)", entry, XPathConstants.NUMBER))
                            .intValue(),
                    tender.results().size(), tender.folderId());
            assertEquals(((Number) xpath.evaluate(
                    "count(" + folder + "cac:ProcurementProject/cac:RequiredCommodityClassification)", entry,
                    XPathConstants.NUMBER)).intValue(), tender.cpvs().size(), tender.folderId());
        }
    }

    @Test
    void theHeadPagesFirstEntryAsAPersonReadsIt() throws IOException {
        FeedPage page = read(HEAD_PAGE);
        assertEquals(21, page.entries().size());
        assertEquals(Optional.of("https://contrataciondelestado.es/sindicacion/sindicacion_643/"
                + "licitacionesPerfilesContratanteCompleto3_20260805_201501.atom"), page.next());
        Tender first = page.entries().get(0);
        assertEquals("https://contrataciondelestado.es/sindicacion/licitacionesPerfilContratante/20255483",
                first.entryId());
        assertEquals(Instant.parse("2026-08-05T18:06:45.394Z"), first.updated());
        assertEquals("300/2026/01033", first.folderId());
        assertEquals("PUB", first.status());
        assertTrue(first.title().startsWith("Arrendamiento de un vehículo hibrido enchufable"), first.title());
        // the summary line of the entry says "Importe: 40830.72 EUR": the budget without taxes
        assertEquals(Optional.of(new BigDecimal("40830.72")), first.budgetWithoutTaxes());
        assertEquals(Optional.of(new BigDecimal("49405.17")), first.budgetWithTaxes());
        assertTrue(first.buyer().name().contains("Vicealcaldía"), first.buyer().name());
        assertTrue(first.buyer().taxId().isPresent());
        assertTrue(first.buyer().dir3().isPresent());
        assertEquals(Optional.of(LocalDate.of(2026, 9, 8)), first.deadline().map(LocalDateTime::toLocalDate));
    }

    @Test
    void lotsCarryTheirOwnBudgetsCpvsAndAwardCriteria() throws IOException {
        Tender alconchel = read(HEAD_PAGE).entries().stream().filter(t -> t.folderId().equals("13/2026 Alconchel"))
                .findFirst().orElseThrow();
        assertEquals(2, alconchel.lots().size());
        Tender.Lot first = alconchel.lots().get(0);
        assertEquals("1", first.id());
        assertEquals("Furgoneta eléctrica", first.title());
        assertEquals(Optional.of(new BigDecimal("32600.00")), first.budgetWithTaxes());
        assertEquals(Optional.of(new BigDecimal("26942.15")), first.budgetWithoutTaxes());
        assertEquals(List.of("34144900", "42716120"), first.cpvs());
        assertEquals(Optional.of("ES431"), first.nuts());
        Criterion award = alconchel.criteria().stream()
                .filter(c -> c.kind() == Criterion.Kind.AWARD && c.lot().equals(Optional.of("1"))).findFirst()
                .orElseThrow();
        assertEquals(Optional.of("OBJ"), award.code());
        assertEquals(Optional.of(new BigDecimal("100.00")), award.weight());
    }

    @Test
    void solvencyCriteriaDeclarationsAndDocumentsAsPublished() throws IOException {
        List<Tender> entries = read(HEAD_PAGE).entries();
        long financial = entries.stream().flatMap(t -> t.criteria().stream())
                .filter(c -> c.kind() == Criterion.Kind.FINANCIAL).count();
        long technical = entries.stream().flatMap(t -> t.criteria().stream())
                .filter(c -> c.kind() == Criterion.Kind.TECHNICAL).count();
        long declarations = entries.stream().flatMap(t -> t.criteria().stream())
                .filter(c -> c.kind() == Criterion.Kind.DECLARATION).count();
        // counted in the page: 12 financial and 16 technical criteria, 111 declarations (cbc:RequirementTypeCode)
        assertEquals(111, declarations);
        assertTrue(financial > 0 && technical > 0, financial + " / " + technical);
        Tender first = entries.get(0);
        assertTrue(first.documents().stream().anyMatch(d -> d.kind() == TenderDocument.Kind.LEGAL));
        assertTrue(first.documents().stream().anyMatch(d -> d.kind() == TenderDocument.Kind.TECHNICAL));
        assertTrue(entries.stream().flatMap(t -> t.documents().stream())
                .anyMatch(d -> d.kind() == TenderDocument.Kind.GENERAL && d.typeCode().isPresent()
                        && !d.name().isEmpty() && d.uri().startsWith("https://")));
    }

    @Test
    void resultsNameTheWinnersAmountsAndVoidLots() throws IOException {
        FeedPage page = read(TWENTY_ENTRIES);
        Tender lots = page.entries().stream().filter(t -> t.folderId().equals("SER-17-134-OSA")).findFirst()
                .orElseThrow();
        assertEquals(5, lots.lots().size());
        assertEquals(5, lots.results().size());
        // result code 3 is "Desierto" (TenderResultCode-2.02): two of the five lots were left void
        assertEquals(2, lots.results().stream().filter(r -> r.resultCode().equals("3")).count());
        assertTrue(lots.results().stream().allMatch(r -> r.lot().isPresent()));
        assertTrue(page.entries().stream().flatMap(t -> t.results().stream())
                .anyMatch(r -> r.winnerName().filter(n -> n.contains("UTE")).isPresent()));
        assertEquals(2, page.tombstones().size());
        assertEquals("https://contrataciondelestado.es/sindicacion/licitacionesPerfilContratante/1872130",
                page.tombstones().get(0).ref());
        assertEquals(Instant.parse("2017-12-29T13:21:35.421Z"), page.tombstones().get(0).when());
    }

    @Test
    void aPageThatIsNotXmlIsRefused() {
        assertRefused("feed.xml", "%PDF-1.4 not a feed".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageCutShortIsRefusedAsTruncated() throws IOException {
        byte[] page = bytes(HEAD_PAGE);
        byte[] half = java.util.Arrays.copyOf(page, page.length / 2);
        assertRefused("feed.truncated", half);
    }

    @Test
    void anXmlFileThatIsNotAnAtomFeedIsRefused() {
        assertRefused("feed.atom",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEntityDeclarationIsRefusedBeforeAnythingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&secret;</title></feed>";
        assertRefused("feed.doctype", xxe.getBytes(StandardCharsets.UTF_8));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&b;</title></feed>";
        assertRefused("feed.doctype", bomb.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEntryWithoutItsCodiceFolderIsRefusedNamingIt() {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:x:1</id>"
                + "<updated>2026-08-05T20:06:45.394+02:00</updated><title>A blog post</title></entry></feed>";
        FeedRefusedException refused = assertRefused("feed.codice", feed.getBytes(StandardCharsets.UTF_8));
        assertEquals("Entry 1 (urn:x:1) carries no CODICE contract folder (cac-place-ext:ContractFolderStatus): it is"
                + " not a tender of the procurement platform.", refused.getMessage());
    }

    @Test
    void anAmountThatDoesNotReadIsRefusedNamingTheEntryAndTheElement() throws IOException {
        String page = new String(bytes(HEAD_PAGE), StandardCharsets.UTF_8).replaceFirst(
                "<cbc:TotalAmount currencyID=\"EUR\">49405.17</cbc:TotalAmount>",
                "<cbc:TotalAmount currencyID=\"EUR\">49.405,17</cbc:TotalAmount>");
        FeedRefusedException refused = assertRefused("feed.entry.value", page.getBytes(StandardCharsets.UTF_8));
        assertEquals("Entry 1 (https://contrataciondelestado.es/sindicacion/licitacionesPerfilContratante/20255483): "
                + "the TotalAmount '49.405,17' does not read.", refused.getMessage());
    }

    private static FeedRefusedException assertRefused(String key, byte[] page) {
        FeedRefusedException refused = assertThrows(FeedRefusedException.class,
                () -> FeedReader.read(new ByteArrayInputStream(page)));
        assertEquals(key, refused.key(), refused.getMessage());
        assertEquals("feed", refused.field());
        assertFalse(refused.getMessage().isBlank());
        return refused;
    }

    private static Optional<BigDecimal> amount(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text).setScale(2, RoundingMode.HALF_UP));
    }

    private static Document dom(byte[] page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "a" -> FeedReader.ATOM;
                    case "p" -> FeedReader.CODICE_PLACE;
                    case "pb" -> "urn:dgpe:names:draft:codice-place-ext:schema:xsd:CommonBasicComponents-2";
                    case "cac" -> "urn:dgpe:names:draft:codice:schema:xsd:CommonAggregateComponents-2";
                    case "cbc" -> "urn:dgpe:names:draft:codice:schema:xsd:CommonBasicComponents-2";
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
        return xpath;
    }
}
