package coop.intercoop.hub.tenders.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import jakarta.enterprise.context.ApplicationScoped;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

/**
 * Checks an ESPD response (ESPD-EDM 4.1.0) as the model's publishers do: against the UBL 2.3 schema of a
 * QualificationApplicationResponse, then against every business rule of the model, which the publishers ship as
 * Schematron compiled to XSLT 2.0 (code lists, cardinalities, criteria as e-Certis defines them, the economic operator,
 * its role, the lot). Both come with the hub ({@code espd/4.1.0}, unchanged, with their licence); they are compiled
 * once per server and shared by every check.
 */
@ApplicationScoped
public class EspdValidator {

    private static final String ROOT = "/espd/4.1.0/";
    /** The business rules in the order the model's own validation script runs them. */
    private static final List<String> RULES = List.of("01-ESPD-codelist-values", "01-ESPD-common-cl-attributes",
            "01-ESPD-common-cl-values-restrictions", "02-ESPD-resp-cardinality-br", "03-ESPD-common-criterion-br",
            "03-ESPD-resp-criterion-br", "04-ESPD-common-other-br", "04-ESPD-resp-other-br", "05-ESPD-resp-eo-br",
            "05-ESPD-resp-qualification-br", "05-ESPD-resp-role-br", "05-ESPD-resp-specific-br");

    /**
     * What a check found: the rule (its id, or {@code XSD} for the schema), how grave the model says it is
     * ({@code fatal}, {@code error} or {@code warning}), the model's own sentence and where in the document.
     */
    public record Finding(String rule, String flag, String text, String location) {

        public boolean refuses() {
            return !"warning".equalsIgnoreCase(flag) && !"information".equalsIgnoreCase(flag);
        }
    }

    /** A check's findings; the document is valid when none of them refuses it (warnings do not). */
    public record Result(List<Finding> findings) {

        public boolean valid() {
            return findings.stream().noneMatch(Finding::refuses);
        }

        public List<Finding> refusals() {
            return findings.stream().filter(Finding::refuses).toList();
        }
    }

    /** The schema and the compiled rules, built on the first check. */
    private static final class Compiled {

        static final Processor SAXON = new Processor(false);
        static final Schema SCHEMA = schema();
        static final List<XsltExecutable> RULES = EspdValidator.RULES.stream().map(Compiled::compile).toList();
        static final XPathExecutable FINDINGS = findings();

        private static Schema schema() {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
                return factory.newSchema(resource("xsd/maindoc/UBL-QualificationApplicationResponse-2.3.xsd"));
            } catch (SAXException e) {
                throw new IllegalStateException("The ESPD response schema does not load", e);
            }
        }

        private static XsltExecutable compile(String name) {
            try {
                URL url = resource("xsl/" + name + ".xsl");
                return SAXON.newXsltCompiler().compile(new StreamSource(url.openStream(), url.toURI().toString()));
            } catch (SaxonApiException | URISyntaxException e) {
                throw new IllegalStateException("The ESPD rules " + name + " do not compile", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static XPathExecutable findings() {
            XPathCompiler xpath = SAXON.newXPathCompiler();
            xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
            try {
                return xpath.compile("//svrl:failed-assert | //svrl:successful-report");
            } catch (SaxonApiException e) {
                throw new IllegalStateException(e);
            }
        }

        private static URL resource(String path) {
            URL url = EspdValidator.class.getResource(ROOT + path);
            if (url == null) {
                throw new IllegalStateException("The hub is missing " + ROOT + path);
            }
            return url;
        }
    }

    /** Checks the document's bytes against the schema and, when it is well formed, every business rule. */
    public Result check(byte[] document) {
        List<Finding> findings = new ArrayList<>(schemaFindings(document));
        if (findings.stream().anyMatch(f -> f.location().isEmpty())) {
            return new Result(findings);
        }
        try {
            DocumentBuilder builder = Compiled.SAXON.newDocumentBuilder();
            XdmNode source = builder.build(new StreamSource(new ByteArrayInputStream(document)));
            for (XsltExecutable rules : Compiled.RULES) {
                XsltTransformer transformer = rules.load();
                transformer.setInitialContextNode(source);
                XdmDestination report = new XdmDestination();
                transformer.setDestination(report);
                transformer.transform();
                XPathSelector selector = Compiled.FINDINGS.load();
                selector.setContextItem(report.getXdmNode());
                for (XdmItem item : selector) {
                    XdmNode node = (XdmNode) item;
                    findings.add(new Finding(attribute(node, "id"), attribute(node, "flag"),
                            node.getStringValue().strip().replaceAll("\\s+", " "), attribute(node, "location")));
                }
            }
        } catch (SaxonApiException e) {
            throw new IllegalStateException("The ESPD rules could not run", e);
        }
        return new Result(List.copyOf(findings));
    }

    private static String attribute(XdmNode node, String name) {
        String value = node.getAttributeValue(new net.sf.saxon.s9api.QName(name));
        return value == null ? "" : value;
    }

    /**
     * The schema's findings, each placed by line and column; a document that is not even well formed has one finding
     * without a place, and the rules are not run on it.
     */
    private static List<Finding> schemaFindings(byte[] document) {
        List<Finding> findings = new ArrayList<>();
        Validator validator = Compiled.SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    findings.add(finding("warning", e));
                }

                @Override
                public void error(SAXParseException e) {
                    findings.add(finding("fatal", e));
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXParseException e) {
            findings.add(new Finding("XSD", "fatal", e.getMessage(), ""));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private static Finding finding(String flag, SAXParseException e) {
        return new Finding("XSD", flag, e.getMessage(),
                "line " + e.getLineNumber() + ", column " + e.getColumnNumber());
    }
}
