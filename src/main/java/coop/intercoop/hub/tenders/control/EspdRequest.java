package coop.intercoop.hub.tenders.control;

import static coop.intercoop.hub.tenders.control.EspdCriteria.CAC;
import static coop.intercoop.hub.tenders.control.EspdCriteria.children;
import static coop.intercoop.hub.tenders.control.EspdCriteria.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import coop.intercoop.hub.tenders.entity.EspdRefusedException;

/**
 * What a buyer's ESPD request asks (ESPD-EDM 2.1.1, 3.x or 4.x; in Spain the DEUC published with the tender): its
 * procedure, buyer, lots and criteria. A criterion is kept as ESPD-EDM 4.1.0 states it: a 4.x request's own (with the
 * buyer's thresholds), an older request's as e-Certis defines it in 4.1.0, found by its identifier or type code; a
 * criterion 4.1.0 does not know is named in {@link #unknown()} and left out.
 */
public final class EspdRequest {

    static final String REQUEST = "urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationRequest-2";
    static final String RESPONSE = "urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2";
    private static final Pattern PROFILE = Pattern.compile("ESPD-EDMv(\\d+)\\.(\\d+)\\.(\\d+).*");

    /**
     * A criterion the request asks: its 4.x type code, name, the criterion as ESPD-EDM 4.1.0 states it, and the least
     * amount in euros the buyer requires where the request sets one (a requirement of type AMOUNT or MINIMUM_AMOUNT
     * with its expected amount, as a turnover criterion carries it).
     */
    public record Criterion(String code, String name, Element element, Optional<BigDecimal> minimumAmount) {

        public boolean exclusion() {
            return EspdCriteria.isExclusion(code);
        }

        public boolean selection() {
            return EspdCriteria.isSelection(code);
        }
    }

    private final String version;
    private final String folderId;
    private final Optional<Element> contractingParty;
    private final Optional<Element> procedure;
    private final List<String> lots;
    private final List<Criterion> criteria;
    private final List<String> unknown;

    private EspdRequest(String version, String folderId, Optional<Element> contractingParty,
            Optional<Element> procedure, List<String> lots, List<Criterion> criteria, List<String> unknown) {
        this.version = version;
        this.folderId = folderId;
        this.contractingParty = contractingParty;
        this.procedure = procedure;
        this.lots = lots;
        this.criteria = criteria;
        this.unknown = unknown;
    }

    /**
     * Reads a request.
     *
     * @throws EspdRefusedException
     *             naming what is wrong: not XML, a document type, not a request (or a response), a version it is not
     *             of, no criterion
     */
    public static EspdRequest read(byte[] bytes) {
        Document document;
        try {
            document = EspdCriteria.parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new EspdRefusedException("espd.doctype", e.getLineNumber());
            }
            throw new EspdRefusedException("espd.xml", e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException e) {
            throw new EspdRefusedException("espd.xml", 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element root = document.getDocumentElement();
        if (RESPONSE.equals(root.getNamespaceURI())) {
            throw new EspdRefusedException("espd.response");
        }
        if (!REQUEST.equals(root.getNamespaceURI()) || !"QualificationApplicationRequest".equals(root.getLocalName())) {
            throw new EspdRefusedException("espd.root", "{" + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        List<Element> asked = children(root, CAC, "TenderingCriterion");
        int major = major(root, asked);
        String version = version(root, major);
        List<Criterion> criteria = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Element c : asked) {
            String code = text(c, "CriterionTypeCode");
            Optional<String> known = major == 2 ? EspdCriteria.codeOf2_1_1(text(c, "ID"), code)
                    : Optional.of(code).filter(EspdCriteria::knows);
            if (known.isEmpty()) {
                unknown.add(code.isEmpty() ? text(c, "ID") : code);
                continue;
            }
            Element canonical = EspdCriteria.copy(known.get(), document).orElseThrow();
            criteria.add(
                    new Criterion(known.get(), text(canonical, "Name"), major == 4 ? c : canonical, minimumAmount(c)));
        }
        if (criteria.isEmpty()) {
            throw new EspdRefusedException("espd.criteria", asked.size());
        }
        List<String> lots = children(root, CAC, "ProcurementProjectLot").stream().map(l -> text(l, "ID"))
                .filter(id -> !id.isEmpty()).toList();
        return new EspdRequest(version, text(root, "ContractFolderID"),
                children(root, CAC, "ContractingParty").stream().findFirst(),
                major == 4 ? children(root, EspdCriteria.CBC, "ProcedureCode").stream().findFirst() : Optional.empty(),
                lots, List.copyOf(criteria), List.copyOf(unknown));
    }

    /** The expected amount in euros of the criterion's first amount requirement the buyer filled in, if any. */
    private static Optional<BigDecimal> minimumAmount(Element criterion) {
        NodeList properties = criterion.getElementsByTagNameNS(CAC, "TenderingCriterionProperty");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            String type = text(p, "ValueDataTypeCode");
            if ("REQUIREMENT".equals(text(p, "TypeCode")) && ("MINIMUM_AMOUNT".equals(type) || "AMOUNT".equals(type))) {
                Optional<Element> expected = children(p, EspdCriteria.CBC, "ExpectedAmount").stream().findFirst();
                if (expected.isPresent() && "EUR".equals(expected.get().getAttribute("currencyID"))) {
                    try {
                        return Optional.of(new BigDecimal(expected.get().getTextContent().strip()));
                    } catch (NumberFormatException notAnAmount) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The model's major version: from the profile ({@code ESPD-EDMv3.2.0}); without one, 2 for a UBL 2.2 document or
     * one whose criteria carry 2.x type codes ({@code CRITERION.…}), which have no profile in the model's own examples.
     */
    private static int major(Element root, List<Element> criteria) {
        Matcher profile = PROFILE.matcher(text(root, "ProfileExecutionID"));
        if (profile.matches()) {
            int major = Integer.parseInt(profile.group(1));
            if (major < 2 || major > 4) {
                throw new EspdRefusedException("espd.version", text(root, "ProfileExecutionID"));
            }
            return major;
        }
        if ("2.2".equals(text(root, "UBLVersionID"))
                || criteria.stream().anyMatch(c -> text(c, "CriterionTypeCode").startsWith("CRITERION."))) {
            return 2;
        }
        String said = text(root, "ProfileExecutionID").isEmpty() ? text(root, "VersionID")
                : text(root, "ProfileExecutionID");
        throw new EspdRefusedException("espd.version", said.isEmpty() ? "?" : said);
    }

    private static String version(Element root, int major) {
        Matcher profile = PROFILE.matcher(text(root, "ProfileExecutionID"));
        return profile.matches() ? profile.group(1) + "." + profile.group(2) + "." + profile.group(3)
                : major == 2 ? "2.1.1" : String.valueOf(major);
    }

    /** The model's version the request is of, such as 4.1.0 or 2.1.1. */
    public String version() {
        return version;
    }

    /** The buyer's reference of the procedure (its file number); empty when the request has none. */
    public String folderId() {
        return folderId;
    }

    Optional<Element> contractingParty() {
        return contractingParty;
    }

    Optional<Element> procedure() {
        return procedure;
    }

    /** The lots the request names ({@code LOT-0000} for a tender without lots, in 4.x). */
    public List<String> lots() {
        return lots;
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    /** The type codes (or identifiers) of the criteria ESPD-EDM 4.1.0 does not know, left out. */
    public List<String> unknown() {
        return unknown;
    }
}
