package coop.intercoop.hub.tenders.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Every criterion as e-Certis defines it for ESPD-EDM 4.1.0 ({@code ESPD-criterion.xml}, the file the model's rules
 * check criteria against) and which of them are exclusion grounds and selection criteria ({@code criterionList.xml}). A
 * criterion is found by its type code ({@code crime-org}); an older request's criterion by its ESPD 2.1.1 identifier
 * (the same UUID for exclusion and selection criteria) or, for the six "other" criteria whose identifiers 4.x replaced,
 * by its 2.1.1 type code.
 */
final class EspdCriteria {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /** The ESPD 2.1.1 type codes of the criteria whose identifiers ESPD-EDM 4.x replaced, and their 4.x codes. */
    private static final Map<String, String> OTHER_2_1_1 = Map.of( //
            "CRITERION.OTHER.EO_DATA.SHELTERED_WORKSHOP", "shelt-worksh", //
            "CRITERION.OTHER.EO_DATA.REGISTERED_IN_OFFICIAL_LIST", "registered", //
            "CRITERION.OTHER.EO_DATA.TOGETHER_WITH_OTHERS", "eo-group", //
            "CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES", "relied", //
            "CRITERION.OTHER.EO_DATA.SUBCONTRACTS_WITH_THIRD_PARTIES", "subco-ent", //
            "CRITERION.OTHER.EO_DATA.REDUCTION_OF_CANDIDATES", "staff-red");

    private static final Map<String, Element> BY_CODE = new HashMap<>();
    private static final Map<String, String> CODE_BY_ID = new HashMap<>();
    private static final Set<String> EXCLUSION = new LinkedHashSet<>();
    private static final Set<String> SELECTION = new LinkedHashSet<>();

    static {
        Document criteria = parse("ESPD-criterion.xml");
        for (Element criterion : children(criteria.getDocumentElement(), CAC, "TenderingCriterion")) {
            String code = text(criterion, "CriterionTypeCode");
            BY_CODE.put(code, criterion);
            CODE_BY_ID.put(text(criterion, "ID"), code);
        }
        Element list = parse("criterionList.xml").getDocumentElement();
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                (e.getTagName().startsWith("exclusion") ? EXCLUSION : SELECTION).add(e.getTextContent().strip());
            }
        }
    }

    private EspdCriteria() {
    }

    /** Whether e-Certis defines a criterion of this 4.x type code. */
    static boolean knows(String code) {
        return BY_CODE.containsKey(code);
    }

    /**
     * A copy, in the document given, of the criterion of this 4.x type code as e-Certis defines it. The catalogue's DOM
     * is shared by every request and a DOM is not safe to read from several threads at once, so copies are made one at
     * a time.
     */
    static synchronized Optional<Element> copy(String code, Document into) {
        return Optional.ofNullable(BY_CODE.get(code)).map(e -> (Element) into.importNode(e, true));
    }

    /** The 4.x type code of a criterion of an ESPD 2.1.1 request, by its identifier or its type code. */
    static Optional<String> codeOf2_1_1(String id, String code) {
        return Optional.ofNullable(CODE_BY_ID.get(id)).or(() -> Optional.ofNullable(OTHER_2_1_1.get(code)));
    }

    static boolean isExclusion(String code) {
        return EXCLUSION.contains(code);
    }

    static boolean isSelection(String code) {
        return SELECTION.contains(code);
    }

    /** A parser that refuses document types and never reaches outside the document. */
    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // a DOM built whole: the deferred one grows as it is read, which no shared document may do
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String name) {
        try (InputStream in = EspdCriteria.class.getResourceAsStream("/espd/4.1.0/xsl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The hub is missing /espd/4.1.0/xsl/" + name);
            }
            return parser().parse(in);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element's children of this name. */
    static java.util.List<Element> children(Element parent, String namespace, String name) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The text of the element's first basic-component child of this name, trimmed; empty without one. */
    static String text(Element parent, String name) {
        return children(parent, CBC, name).stream().findFirst().map(e -> e.getTextContent().strip()).orElse("");
    }
}
