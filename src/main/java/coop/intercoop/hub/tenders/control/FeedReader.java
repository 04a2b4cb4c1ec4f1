package coop.intercoop.hub.tenders.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.Tender.Award;
import coop.intercoop.hub.tenders.entity.Tender.Buyer;
import coop.intercoop.hub.tenders.entity.Tender.Criterion;
import coop.intercoop.hub.tenders.entity.Tender.Lot;
import coop.intercoop.hub.tenders.entity.Tender.TenderDocument;

/**
 * Reads a page of the procurement platform's ATOM feed (syndications 643, 1044 and 1143): each {@code atom:entry}
 * carries its tender's CODICE folder as the child {@code cac-place-ext:ContractFolderStatus} (the OpenPLACSP manual,
 * DGPE, v2.0), and {@code at:deleted-entry} tombstones (RFC 6721) name the entries taken out. The whole page is read
 * before anything is kept: a page that is not well-formed XML, not an ATOM feed, cut short, that declares a document
 * type or entities (which a feed never needs and an attacker would), or whose entry lacks its folder or has a value
 * that does not read, is refused whole, naming the entry.
 * <p>
 * The reader streams (StAX, the JDK's own implementation whatever the server provides), holding one entry's elements at
 * a time.
 */
public final class FeedReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    static final String CODICE_PLACE = "urn:dgpe:names:draft:codice-place-ext:schema:xsd:CommonAggregateComponents-2";

    /** The longest text a key column takes: entry ids, folder ids, codes. */
    static final int KEY_LENGTH = 255;

    /** A date as CODICE writes it, with or without its zone: {@code 2026-08-20}, {@code 2026-08-20+02:00}. */
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}(:\\d{2})?)(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

    private static final XMLInputFactory FACTORY = factory();

    private FeedReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * @throws FeedRefusedException
     *             for a page the hub does not read, naming where
     */
    public static FeedPage read(InputStream input) {
        Ending in = new Ending(input);
        List<Tender> entries = new ArrayList<>();
        List<FeedPage.Tombstone> tombstones = new ArrayList<>();
        Optional<String> next = Optional.empty();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            boolean root = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedRefusedException("feed.doctype", reader.getLocation().getLineNumber());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!root) {
                    if (!ATOM.equals(reader.getNamespaceURI()) || !"feed".equals(reader.getLocalName())) {
                        throw new FeedRefusedException("feed.atom", reader.getLocalName());
                    }
                    root = true;
                    continue;
                }
                XmlNode child = XmlNode.read(reader);
                if (ATOM.equals(child.namespace) && "entry".equals(child.name)) {
                    entries.add(tender(child, entries.size() + tombstones.size() + 1));
                } else if (TOMBSTONES.equals(child.namespace) && "deleted-entry".equals(child.name)) {
                    tombstones.add(tombstone(child, entries.size() + tombstones.size() + 1));
                } else if (ATOM.equals(child.namespace) && "link".equals(child.name)
                        && child.attribute("rel").filter("next"::equals).isPresent()) {
                    next = child.attribute("href");
                }
            }
            if (!root) {
                throw new FeedRefusedException("feed.empty");
            }
            return new FeedPage(entries, tombstones, next);
        } catch (XMLStreamException e) {
            if (in.failure != null) { // the body could not be read (cut off at its limit, the client gone)
                throw new UncheckedIOException(in.failure);
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            if (in.ended && line >= in.lines) {
                throw new FeedRefusedException("feed.truncated", line);
            }
            throw new FeedRefusedException("feed.xml", line, column);
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held beyond the stream, which its owner closes
            }
        }
    }

    private static FeedPage.Tombstone tombstone(XmlNode node, int place) {
        String ref = node.attribute("ref").map(String::strip).filter(r -> !r.isEmpty())
                .orElseThrow(() -> new FeedRefusedException("feed.tombstone", place));
        String when = node.attribute("when").orElseThrow(() -> new FeedRefusedException("feed.tombstone", place));
        return new FeedPage.Tombstone(key(ref, place, ref, "ref"), instant(when, place, ref, "when"));
    }

    private static Tender tender(XmlNode entry, int place) {
        String id = entry.text("id").orElseThrow(() -> new FeedRefusedException("feed.entry.id", place));
        key(id, place, id, "id");
        Instant updated = instant(
                entry.text("updated")
                        .orElseThrow(() -> new FeedRefusedException("feed.entry.missing", place, id, "updated")),
                place, id, "updated");
        XmlNode folder = entry.all("ContractFolderStatus").filter(n -> CODICE_PLACE.equals(n.namespace)).findFirst()
                .orElseThrow(() -> new FeedRefusedException("feed.codice", place, id));
        Entry e = new Entry(place, id);
        String folderId = key(
                folder.text("ContractFolderID").orElseThrow(
                        () -> new FeedRefusedException("feed.entry.missing", place, id, "ContractFolderID")),
                place, id, "ContractFolderID");
        String status = key(
                folder.text("ContractFolderStatusCode").orElseThrow(
                        () -> new FeedRefusedException("feed.entry.missing", place, id, "ContractFolderStatusCode")),
                place, id, "ContractFolderStatusCode");
        Optional<XmlNode> project = folder.first("ProcurementProject");
        String title = project.flatMap(p -> p.text("Name")).or(() -> entry.text("title"))
                .orElseThrow(() -> new FeedRefusedException("feed.entry.missing", place, id, "Name"));
        Optional<XmlNode> party = folder.first("LocatedContractingParty", "Party");
        Buyer buyer = new Buyer(
                party.flatMap(p -> p.text("PartyName", "Name"))
                        .orElseThrow(() -> new FeedRefusedException("feed.entry.missing", place, id, "PartyName")),
                party.flatMap(p -> scheme(p, "NIF")), party.flatMap(p -> scheme(p, "DIR3")));
        Optional<XmlNode> budget = project.flatMap(p -> p.first("BudgetAmount"));
        Optional<XmlNode> deadline = folder.first("TenderingProcess", "TenderSubmissionDeadlinePeriod");
        return new Tender(id, updated, entry.first("link").flatMap(l -> l.attribute("href")).orElse(""), folderId,
                status, title, buyer, project.flatMap(p -> p.text("TypeCode")).map(c -> e.key(c, "TypeCode")),
                folder.text("TenderingProcess", "ProcedureCode").map(c -> e.key(c, "ProcedureCode")),
                project.map(e::cpvs).orElse(List.of()),
                project.flatMap(p -> p.text("RealizedLocation", "CountrySubentityCode"))
                        .map(c -> e.key(c, "CountrySubentityCode")),
                budget.flatMap(b -> e.amount(b, "TotalAmount")), budget.flatMap(b -> e.amount(b, "TaxExclusiveAmount")),
                budget.flatMap(b -> e.amount(b, "EstimatedOverallContractAmount")), deadline.flatMap(e::deadline),
                project.flatMap(e::term), folder.all("ProcurementProjectLot").map(e::lot).toList(), e.criteria(folder),
                e.documents(folder), folder.all("TenderResult").map(e::award).toList());
    }

    private static Optional<String> scheme(XmlNode party, String scheme) {
        return party.all("PartyIdentification", "ID")
                .filter(n -> n.attribute("schemeName").filter(scheme::equals).isPresent()).map(XmlNode::text)
                .flatMap(Optional::stream).findFirst();
    }

    private static String key(String value, int place, String id, String element) {
        if (value.length() > KEY_LENGTH) {
            throw new FeedRefusedException("feed.entry.long", place, id, element, KEY_LENGTH);
        }
        return value;
    }

    private static Instant instant(String text, int place, String id, String element) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FeedRefusedException("feed.entry.value", place, id, element, text);
        }
    }

    /** What reads one entry's folder, with the entry's place and id for its refusals. */
    private record Entry(int place, String id) {

        String key(String value, String element) {
            return FeedReader.key(value, place, id, element);
        }

        List<String> cpvs(XmlNode project) {
            return project.all("RequiredCommodityClassification", "ItemClassificationCode").map(XmlNode::text)
                    .flatMap(Optional::stream).map(c -> key(c, "ItemClassificationCode")).toList();
        }

        /**
         * How long the contract runs ({@code cac:PlannedPeriod/cbc:DurationMeasure}); none when not published or in a
         * unit the hub does not read.
         */
        Optional<Tender.Term> term(XmlNode project) {
            Optional<XmlNode> measure = project.first("PlannedPeriod", "DurationMeasure");
            Optional<Tender.Term.Unit> unit = measure.flatMap(m -> m.attribute("unitCode")).flatMap(Tender.Term::unit);
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            return measure.flatMap(XmlNode::text).map(text -> number(text, "DurationMeasure"))
                    .filter(n -> n.signum() > 0).map(n -> new Tender.Term(n, unit.get()));
        }

        /** A number as published, to cents half-up. */
        private BigDecimal number(String text, String element) {
            try {
                return new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_UP);
            } catch (NumberFormatException e) {
                throw new FeedRefusedException("feed.entry.value", place, id, element, text);
            }
        }

        /** An amount, to cents half-up as the books keep them (the platform publishes at most cents). */
        Optional<BigDecimal> amount(XmlNode parent, String element) {
            return parent.text(element).map(text -> number(text, element));
        }

        Optional<LocalDate> date(XmlNode parent, String element) {
            return parent.text(element).map(text -> {
                Matcher m = DATE.matcher(text);
                try {
                    if (m.matches()) {
                        return LocalDate.parse(m.group(1));
                    }
                } catch (DateTimeParseException e) {
                    // refused below
                }
                throw new FeedRefusedException("feed.entry.value", place, id, element, text);
            });
        }

        Optional<LocalDateTime> deadline(XmlNode period) {
            return date(period, "EndDate").map(day -> period.text("EndTime").map(text -> {
                Matcher m = TIME.matcher(text);
                try {
                    if (m.matches()) {
                        return day.atTime(LocalTime.parse(m.group(1)));
                    }
                } catch (DateTimeParseException e) {
                    // refused below
                }
                throw new FeedRefusedException("feed.entry.value", place, id, "EndTime", text);
            }).orElse(day.atTime(LocalTime.MAX.withNano(0))));
        }

        Lot lot(XmlNode lot) {
            String lotId = lot.text("ID").map(i -> key(i, "ProcurementProjectLot/ID")).orElseThrow(
                    () -> new FeedRefusedException("feed.entry.missing", place, id, "ProcurementProjectLot/ID"));
            Optional<XmlNode> project = lot.first("ProcurementProject");
            Optional<XmlNode> budget = project.flatMap(p -> p.first("BudgetAmount"));
            return new Lot(lotId, project.flatMap(p -> p.text("Name")).orElse(""),
                    budget.flatMap(b -> amount(b, "TotalAmount")), budget.flatMap(b -> amount(b, "TaxExclusiveAmount")),
                    project.map(this::cpvs).orElse(List.of()),
                    project.flatMap(p -> p.text("RealizedLocation", "CountrySubentityCode"))
                            .map(c -> key(c, "CountrySubentityCode")));
        }

        /** The folder's criteria and its lots', each lot's marked with the lot. */
        List<Criterion> criteria(XmlNode folder) {
            List<Criterion> criteria = new ArrayList<>(terms(folder.first("TenderingTerms"), Optional.empty()));
            folder.all("ProcurementProjectLot")
                    .forEach(lot -> criteria.addAll(terms(lot.first("TenderingTerms"), lot.text("ID"))));
            return criteria;
        }

        private List<Criterion> terms(Optional<XmlNode> terms, Optional<String> lot) {
            List<Criterion> criteria = new ArrayList<>();
            terms.ifPresent(t -> {
                t.all("AwardingTerms", "AwardingCriteria")
                        .forEach(c -> criteria.add(new Criterion(Criterion.Kind.AWARD, lot,
                                c.text("AwardingCriteriaTypeCode").map(k -> key(k, "AwardingCriteriaTypeCode")),
                                c.text("Description"), amount(c, "WeightNumeric"))));
                t.all("TendererQualificationRequest", "FinancialEvaluationCriteria")
                        .forEach(c -> criteria.add(solvency(Criterion.Kind.FINANCIAL, lot, c)));
                t.all("TendererQualificationRequest", "TechnicalEvaluationCriteria")
                        .forEach(c -> criteria.add(solvency(Criterion.Kind.TECHNICAL, lot, c)));
                t.all("TendererQualificationRequest", "SpecificTendererRequirement")
                        .forEach(c -> criteria.add(new Criterion(Criterion.Kind.DECLARATION, lot,
                                c.text("RequirementTypeCode").map(k -> key(k, "RequirementTypeCode")),
                                c.text("Description"), Optional.empty())));
            });
            return criteria;
        }

        private Criterion solvency(Criterion.Kind kind, Optional<String> lot, XmlNode criterion) {
            return new Criterion(kind, lot,
                    criterion.text("EvaluationCriteriaTypeCode").map(k -> key(k, "EvaluationCriteriaTypeCode")),
                    criterion.text("Description"), Optional.empty());
        }

        List<TenderDocument> documents(XmlNode folder) {
            List<TenderDocument> documents = new ArrayList<>();
            folder.all("LegalDocumentReference").forEach(d -> document(TenderDocument.Kind.LEGAL, d, documents));
            folder.all("TechnicalDocumentReference")
                    .forEach(d -> document(TenderDocument.Kind.TECHNICAL, d, documents));
            folder.all("AdditionalDocumentReference")
                    .forEach(d -> document(TenderDocument.Kind.ADDITIONAL, d, documents));
            folder.all("GeneralDocument", "GeneralDocumentDocumentReference")
                    .forEach(d -> document(TenderDocument.Kind.GENERAL, d, documents));
            return documents;
        }

        /** A document with an address; its name is its file name where published, else its id. */
        private void document(TenderDocument.Kind kind, XmlNode document, List<TenderDocument> documents) {
            document.text("Attachment", "ExternalReference", "URI")
                    .ifPresent(uri -> documents.add(new TenderDocument(kind,
                            document.text("Attachment", "ExternalReference", "FileName").or(() -> document.text("ID"))
                                    .orElse(""),
                            uri, document.text("DocumentTypeCode").map(c -> key(c, "DocumentTypeCode")))));
        }

        Award award(XmlNode result) {
            Optional<XmlNode> total = result.first("AwardedTenderedProject", "LegalMonetaryTotal");
            Optional<String> received = result.text("ReceivedTenderQuantity");
            return new Award(result.text("AwardedTenderedProject", "ProcurementProjectLotID"),
                    result.text("ResultCode").map(c -> key(c, "ResultCode")).orElseThrow(
                            () -> new FeedRefusedException("feed.entry.missing", place, id, "TenderResult/ResultCode")),
                    date(result, "AwardDate"), result.text("WinningParty", "PartyName", "Name"),
                    result.text("WinningParty", "PartyIdentification", "ID").map(c -> key(c, "WinningParty/ID")),
                    total.flatMap(t -> amount(t, "TaxExclusiveAmount")), total.flatMap(t -> amount(t, "PayableAmount")),
                    received.map(q -> {
                        try {
                            return Integer.valueOf(q);
                        } catch (NumberFormatException e) {
                            throw new FeedRefusedException("feed.entry.value", place, id, "ReceivedTenderQuantity", q);
                        }
                    }));
        }
    }

    /**
     * The page's bytes, noting when they ran out and on which line: an XML error on the last line of a page read to its
     * end is a file cut short.
     */
    private static final class Ending extends FilterInputStream {
        boolean ended;
        int lines = 1;
        IOException failure;

        Ending(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = read(super::read);
            ended |= b < 0;
            lines += b == '\n' ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = read(() -> super.read(buffer, offset, length));
            ended |= n < 0;
            for (int i = offset; i < offset + n; i++) {
                lines += buffer[i] == '\n' ? 1 : 0;
            }
            return n;
        }

        private int read(Read read) throws IOException {
            try {
                return read.next();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @FunctionalInterface
        private interface Read {
            int next() throws IOException;
        }
    }
}
