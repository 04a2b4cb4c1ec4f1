package coop.intercoop.hub.tenders.control;

import static coop.intercoop.hub.tenders.control.EspdCriteria.CAC;
import static coop.intercoop.hub.tenders.control.EspdCriteria.CBC;
import static coop.intercoop.hub.tenders.control.EspdCriteria.children;
import static coop.intercoop.hub.tenders.control.EspdCriteria.text;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSOutput;
import org.w3c.dom.ls.LSSerializer;

/**
 * Writes an economic operator's ESPD response (UBL 2.3 QualificationApplicationResponse, ESPD-EDM 4.1.0) to a buyer's
 * request: the request's criteria as 4.1.0 states them and the answers the hub can give from what it knows.
 * <ul>
 * <li>every exclusion ground: no, on the member's own declaration that none applies to it;</li>
 * <li>general yearly turnover: the best of the years the member consented to (Ley 9/2017 art. 87.1.a asks the best of
 * the last three), with the fiscal year's dates;</li>
 * <li>average yearly manpower: the latest year the member consented to, its average staff rounded to a whole
 * person;</li>
 * <li>sheltered workshop (reserved contracts, Ley 9/2017 DA 4.ª): yes with the share of staff with a disability or in a
 * work-integration itinerary for a special employment centre or work-integration enterprise whose staff figures it
 * consented to, no for any other kind of organisation;</li>
 * <li>participation together with others: yes, the member's role, the other members and the group's name; relying on
 * other entities and subcontracting: no, on the member's declaration.</li>
 * </ul>
 * A question the hub has no answer for is left for the member to complete in its ESPD service; "is this information
 * available electronically" is answered no. Within a question group, a group opened only on a yes (ONTRUE) or a no
 * (ONFALSE) is entered only when the group's first yes/no question was answered so, as the model's rules demand.
 */
final class EspdResponseWriter {

    private static final String VERSION = "4.1.0";
    private static final String AGENCY = "Intercoop Hub";

    /** The economic operator's role in the group, as the model's code list (eo-role-type) names it. */
    enum Role {
        LEAD("group-lead"), MEMBER("group-mem");

        final String code;

        Role(String code) {
            this.code = code;
        }
    }

    /** A year's turnover: the fiscal year's first and last day and the amount in euros. */
    record Turnover(LocalDate start, LocalDate end, BigDecimal amount) {
    }

    /** A year's staff: the year, the average staff and the share in percent with a disability or an itinerary. */
    record Staff(int year, BigDecimal average, BigDecimal protectedShare) {
    }

    /**
     * Who answers and what the hub knows of it. {@code size} is the member's declared size (sme, micro, small, medium,
     * large); {@code sheltered} is empty when the member is a sheltered workshop whose staff figures are not consented
     * to, so the criterion is left to complete.
     */
    record Respondent(String name, String taxId, String size, Role role, String groupName, List<String> partners,
            String lot, Optional<Turnover> turnover, Optional<Staff> staff, Optional<Sheltered> sheltered,
            List<Reference> references, Map<String, Evidence> evidence) {

        /** The same respondent answering for another lot. */
        Respondent forLot(String other) {
            return new Respondent(name, taxId, size, role, groupName, partners, other, turnover, staff, sheltered,
                    references, evidence);
        }
    }

    /**
     * A certificate given as the evidence of an exclusion ground's answer ("is this information available
     * electronically?"): its reference, the address where the buyer can check it, and its issuer.
     */
    record Evidence(String reference, String uri, Optional<String> issuer) {
    }

    /**
     * A service the member performed, given as a reference of "performance of services of the specified type": what it
     * was (with its CPV codes), for whom, its amount and its days.
     */
    record Reference(String description, String recipient, BigDecimal amount, LocalDate start, LocalDate end) {
    }

    /** The sheltered-workshop answer: whether it is one, and if so its share and what it is. */
    record Sheltered(boolean is, BigDecimal share, String detail) {
    }

    /** A written response: its bytes and the type codes of the criteria answered. */
    record Written(byte[] xml, List<String> answered) {
    }

    private sealed interface Value {
    }

    private record Indicator(boolean value) implements Value {
    }

    /** Evidence supplied: a response naming an evidence of the document's own. */
    private record Supplied(Evidence evidence) implements Value {
    }

    /** One answer of several values, one per reference, in order: a response each, to the same property. */
    private record Many(List<Value> values) implements Value {
    }

    private record Amount(BigDecimal value) implements Value {
    }

    private record Period(LocalDate start, LocalDate end) implements Value {
    }

    private record Quantity(BigDecimal value, String unit) implements Value {
    }

    private record Percentage(BigDecimal value) implements Value {
    }

    private record Description(String value) implements Value {
    }

    private record Code(String list, String version, String value) implements Value {
    }

    private final Document document;
    private final Element root;
    private final String lot;
    private final List<Element> responses = new ArrayList<>();
    private final List<Element> evidences = new ArrayList<>();

    private EspdResponseWriter(String lot) {
        this.document = EspdCriteria.parser().newDocument();
        this.root = document.createElementNS(EspdRequest.RESPONSE, "QualificationApplicationResponse");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:cac", CAC);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:cbc", CBC);
        document.appendChild(root);
        this.lot = lot;
    }

    /** The response of this respondent to this request, issued at this moment. */
    static Written write(EspdRequest request, Respondent respondent, OffsetDateTime issued) {
        EspdResponseWriter writer = new EspdResponseWriter(respondent.lot());
        return writer.response(request, respondent, issued);
    }

    private Written response(EspdRequest request, Respondent who, OffsetDateTime issued) {
        basic(root, "UBLVersionID", "2.3").setAttribute("schemeAgencyID", "OASIS-UBL-TC");
        Element profile = basic(root, "ProfileExecutionID", "ESPD-EDMv" + VERSION);
        profile.setAttribute("schemeAgencyID", "OP");
        profile.setAttribute("schemeVersionID", VERSION);
        basic(root, "ID", "ESPDRESP-" + UUID.randomUUID()).setAttribute("schemeAgencyID", AGENCY);
        basic(root, "CopyIndicator", "false");
        Element uuid = basic(root, "UUID", UUID.randomUUID().toString());
        uuid.setAttribute("schemeID", "ISO/IEC 9834-8:2008 - 4UUID");
        uuid.setAttribute("schemeAgencyID", AGENCY);
        uuid.setAttribute("schemeVersionID", VERSION);
        if (!request.folderId().isEmpty()) {
            basic(root, "ContractFolderID", request.folderId()).setAttribute("schemeAgencyID", AGENCY);
        }
        basic(root, "IssueDate", issued.toLocalDate().toString());
        basic(root, "IssueTime", issued.toOffsetTime().withNano(0).format(DateTimeFormatter.ISO_OFFSET_TIME));
        basic(root, "EconomicOperatorGroupName", who.groupName());
        Element version = basic(root, "VersionID", VERSION);
        version.setAttribute("schemeAgencyID", "OP");
        version.setAttribute("schemeVersionID", VERSION);
        request.procedure().ifPresent(p -> root.appendChild(document.importNode(p, true)));
        request.contractingParty().filter(p -> request.version().startsWith("4."))
                .ifPresentOrElse(p -> root.appendChild(document.importNode(p, true)), () -> {
                    Element party = aggregate(aggregate(root, "ContractingParty"), "Party");
                    request.contractingParty().ifPresent(p -> buyer(p, party));
                });
        operator(who);
        basic(aggregate(root, "ProcurementProjectLot"), "ID", lot).setAttribute("schemeAgencyID", "OP");
        List<String> answered = new ArrayList<>();
        for (EspdRequest.Criterion criterion : request.criteria()) {
            Element copy = (Element) document.importNode(criterion.element(), true);
            root.appendChild(copy);
            Optional<Map<String, Value>> answers = answers(criterion, who);
            if (answers.isPresent()) {
                String prefix = prefixOf(criterion.element());
                for (Element group : children(copy, CAC, "TenderingCriterionPropertyGroup")) {
                    answer(group, prefix, answers.get());
                }
                answered.add(criterion.code());
            }
        }
        responses.forEach(root::appendChild);
        evidences.forEach(root::appendChild);
        return new Written(bytes(), List.copyOf(answered));
    }

    /** The buyer of an older request, in 4.1.0's terms: its name, identifier and country. */
    private void buyer(Element requested, Element party) {
        Optional<Element> old = children(requested, CAC, "Party").stream().findFirst();
        String id = old.flatMap(p -> children(p, CAC, "PartyIdentification").stream().findFirst())
                .map(i -> text(i, "ID")).orElse("");
        String name = old.flatMap(p -> children(p, CAC, "PartyName").stream().findFirst()).map(n -> text(n, "Name"))
                .orElse("");
        if (!id.isEmpty()) {
            basic(aggregate(party, "PartyIdentification"), "ID", id).setAttribute("schemeAgencyID", "VIES");
        }
        if (!name.isEmpty()) {
            basic(aggregate(party, "PartyName"), "Name", name);
        }
        country(aggregate(party, "PostalAddress"), "ESP");
    }

    private void operator(Respondent who) {
        Element operator = aggregate(root, "EconomicOperatorParty");
        basic(aggregate(operator, "EconomicOperatorRole"), "RoleCode", who.role().code).setAttribute("listID",
                "http://publications.europa.eu/resource/authority/eo-role-type");
        Element role = (Element) operator.getLastChild().getFirstChild();
        role.setAttribute("listAgencyID", "OP");
        role.setAttribute("listVersionID", "20211208-0");
        Element party = aggregate(operator, "Party");
        Element size = basic(party, "IndustryClassificationCode", who.size());
        size.setAttribute("listID", "http://publications.europa.eu/resource/authority/economic-operator-size");
        size.setAttribute("listAgencyID", "OP");
        size.setAttribute("listVersionID", "20250924-0");
        basic(aggregate(party, "PartyIdentification"), "ID", who.taxId()).setAttribute("schemeAgencyID", "VIES");
        basic(aggregate(party, "PartyName"), "Name", who.name());
        country(aggregate(party, "PostalAddress"), "ESP");
    }

    private void country(Element address, String code) {
        Element country = basic(aggregate(address, "Country"), "IdentificationCode", code);
        country.setAttribute("listID", "http://publications.europa.eu/resource/authority/country");
        country.setAttribute("listAgencyID", "OP");
        country.setAttribute("listVersionID", "20250924-0");
    }

    /** The answers to a criterion by its questions' paths; empty when the hub does not answer it. */
    private static Optional<Map<String, Value>> answers(EspdRequest.Criterion criterion, Respondent who) {
        if (criterion.exclusion()) {
            Evidence evidence = who.evidence().get(criterion.code());
            return Optional.of(evidence == null ? Map.of()
                    : Map.of("QG1/Q1", new Indicator(true), "QG1/QSG1/Q1", new Supplied(evidence)));
        }
        String lead = who.role() == Role.LEAD ? "leader of the group" : "member of the group";
        return switch (criterion.code()) {
            case "gen-year-to" -> who.turnover().map(t -> Map.of("RG1/RSG1/QSG1/Q1", new Indicator(true),
                    "RG1/RSG1/QSG2/Q1", new Period(t.start(), t.end()), "RG1/RSG1/QSG2/Q2", new Amount(t.amount())));
            case "year-manpower" -> who.staff()
                    .map(s -> Map.of("RG1/RSG1/QSG1/Q1", new Indicator(true), "RG1/RSG1/QSG2/Q1",
                            new Quantity(BigDecimal.valueOf(s.year()), "YEAR"), "RG1/RSG1/QSG2/Q2",
                            new Quantity(s.average().setScale(0, RoundingMode.HALF_UP), "INTEGER")));
            case "shelt-worksh" -> who.sheltered()
                    .map(s -> s.is()
                            ? Map.of("QG1/Q1", new Indicator(true), "QG1/QSG1/Q1", new Percentage(s.share()),
                                    "QG1/QSG1/Q2", new Description(s.detail()))
                            : Map.of("QG1/Q1", new Indicator(false)));
            case "eo-group" -> Optional.of(Map.of("QG1/Q1", new Indicator(true), "QG1/QSG1/Q1",
                    new Code("http://publications.europa.eu/resource/authority/eo-role-type", "20211208-0",
                            who.role().code),
                    "QG1/QSG1/Q2", new Description(String.join("; ", who.partners())), "QG1/QSG1/Q3",
                    new Description(who.groupName() + " (" + lead + ")")));
            case "relied", "subco-ent" -> Optional.of(Map.of("QG1/Q1", new Indicator(false)));
            case "service-perform" -> who.references().isEmpty() ? Optional.empty() : Optional.of(references(who));
            default -> Optional.empty();
        };
    }

    /**
     * The member's references, each question answered once with a value per reference: by itself (a member answers for
     * its own services; relying on others is the "relied" criterion's), description, total and specific amount (the
     * member performed the whole), the activity, the period, not confidential, and the recipient.
     */
    private static Map<String, Value> references(Respondent who) {
        List<Reference> refs = who.references();
        return Map.of("RG1/RSG1/QSG1/Q1", new Indicator(true), "RG1/RSG1/QSG2/QSG1/Q1",
                many(refs, r -> new Description(r.description())), "RG1/RSG1/QSG2/QSG1/Q2",
                many(refs, r -> new Amount(r.amount())), "RG1/RSG1/QSG2/QSG1/Q3",
                many(refs, r -> new Description(r.description())), "RG1/RSG1/QSG2/QSG1/Q4",
                many(refs, r -> new Amount(r.amount())), "RG1/RSG1/QSG2/QSG1/Q5",
                many(refs, r -> new Period(r.start(), r.end())), "RG1/RSG1/QSG2/QSG1/Q6",
                many(refs, r -> new Indicator(false)), "RG1/RSG1/QSG2/QSG1/QSG1/Q1",
                many(refs, r -> new Description(r.recipient())));
    }

    private static Many many(List<Reference> references, java.util.function.Function<Reference, Value> value) {
        return new Many(references.stream().map(value).toList());
    }

    /** The criterion's identifier prefix of its questions' paths ({@code C29_SC_gen-year-to/}). */
    private static String prefixOf(Element criterion) {
        Element group = children(criterion, CAC, "TenderingCriterionPropertyGroup").get(0);
        String id = text(group, "ID");
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(0, slash + 1);
    }

    /** Answers a group's questions and enters its subgroups as the group's first yes/no answer opens them. */
    private void answer(Element group, String prefix, Map<String, Value> answers) {
        Boolean opened = null;
        for (Element property : children(group, CAC, "TenderingCriterionProperty")) {
            if (!"QUESTION".equals(text(property, "TypeCode"))) {
                continue;
            }
            String id = text(property, "ID");
            String path = id.startsWith(prefix) ? id.substring(prefix.length()) : id;
            String type = text(property, "ValueDataTypeCode");
            Value value = answers.get(path);
            if (value == null && "INDICATOR".equals(type)) {
                value = new Indicator(false);
            }
            if (value != null) {
                respond(id, value);
                if (opened == null && value instanceof Indicator indicator) {
                    opened = indicator.value();
                }
            }
        }
        for (Element sub : children(group, CAC, "SubsidiaryTenderingCriterionPropertyGroup")) {
            String kind = text(sub, "PropertyGroupTypeCode");
            if ("ON*".equals(kind) || ("ONTRUE".equals(kind) && Boolean.TRUE.equals(opened))
                    || ("ONFALSE".equals(kind) && Boolean.FALSE.equals(opened))) {
                answer(sub, prefix, answers);
            }
        }
    }

    /** A response to the property for each value: several for a {@link Many}, one per reference, in order. */
    private void respond(String propertyId, Value value) {
        for (Value one : value instanceof Many many ? many.values() : List.of(value)) {
            Element response = document.createElementNS(CAC, "cac:TenderingCriterionResponse");
            scheme(basic(response, "ID", UUID.randomUUID().toString()));
            scheme(basic(response, "ValidatedCriterionPropertyID", propertyId));
            value(response, one);
            Element reference = aggregate(response, "ProcurementProjectLotReference");
            basic(reference, "ID", lot).setAttribute("schemeAgencyID", "OP");
            responses.add(response);
        }
    }

    private void value(Element response, Value value) {
        if (value instanceof Supplied supplied) {
            String id = "EVIDENCE-" + UUID.randomUUID();
            basic(aggregate(response, "EvidenceSupplied"), "ID", id).setAttribute("schemeAgencyID", AGENCY);
            evidences.add(evidence(id, supplied.evidence()));
        } else if (value instanceof Period period) {
            Element applicable = aggregate(response, "ApplicablePeriod");
            basic(applicable, "StartDate", period.start().toString());
            basic(applicable, "EndDate", period.end().toString());
        } else {
            Element held = aggregate(response, "ResponseValue");
            scheme(basic(held, "ID", UUID.randomUUID().toString()));
            if (value instanceof Indicator i) {
                basic(held, "ResponseIndicator", String.valueOf(i.value()));
            } else if (value instanceof Amount a) {
                basic(held, "ResponseAmount", a.value().setScale(2, RoundingMode.HALF_UP).toPlainString())
                        .setAttribute("currencyID", "EUR");
            } else if (value instanceof Quantity q) {
                basic(held, "ResponseQuantity", q.value().toPlainString()).setAttribute("unitCode", q.unit());
            } else if (value instanceof Percentage p) {
                basic(held, "ResponseNumeric", p.value().toPlainString()).setAttribute("format", "PERCENTAGE");
            } else if (value instanceof Description d) {
                basic(held, "Description", d.value());
            } else if (value instanceof Code c) {
                Element code = basic(held, "ResponseCode", c.value());
                code.setAttribute("listID", c.list());
                code.setAttribute("listAgencyID", "OP");
                code.setAttribute("listVersionID", c.version());
            }
        }
    }

    /** The evidence the response names: the certificate's reference, where to check it and who issued it. */
    private Element evidence(String id, Evidence evidence) {
        Element element = document.createElementNS(CAC, "cac:Evidence");
        basic(element, "ID", id).setAttribute("schemeAgencyID", AGENCY);
        Element level = basic(element, "ConfidentialityLevelCode", "PUBLIC");
        level.setAttribute("listID", "http://publications.europa.eu/resource/authority/access-right");
        level.setAttribute("listAgencyID", "OP");
        level.setAttribute("listVersionID", "20250924-0");
        Element reference = aggregate(element, "DocumentReference");
        basic(reference, "ID", evidence.reference()).setAttribute("schemeAgencyID", AGENCY);
        basic(aggregate(aggregate(reference, "Attachment"), "ExternalReference"), "URI", evidence.uri());
        evidence.issuer()
                .ifPresent(name -> basic(aggregate(aggregate(reference, "IssuerParty"), "PartyName"), "Name", name));
        return element;
    }

    private static void scheme(Element id) {
        id.setAttribute("schemeID", "Criterion");
        id.setAttribute("schemeAgencyID", AGENCY);
        id.setAttribute("schemeVersionID", VERSION);
    }

    private Element basic(Element parent, String name, String text) {
        Element e = document.createElementNS(CBC, "cbc:" + name);
        e.setTextContent(text);
        parent.appendChild(e);
        return e;
    }

    private Element aggregate(Element parent, String name) {
        Element e = document.createElementNS(CAC, "cac:" + name);
        parent.appendChild(e);
        return e;
    }

    private byte[] bytes() {
        DOMImplementationLS ls = (DOMImplementationLS) document.getImplementation().getFeature("LS", "3.0");
        LSSerializer serializer = ls.createLSSerializer();
        serializer.getDomConfig().setParameter("format-pretty-print", Boolean.TRUE);
        LSOutput output = ls.createLSOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        output.setByteStream(bytes);
        output.setEncoding("UTF-8");
        serializer.write(document, output);
        return bytes.toByteArray();
    }
}
