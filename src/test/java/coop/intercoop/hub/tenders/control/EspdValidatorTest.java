package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The ESPD-EDM's own example response passes the schema and every business rule; the same response spoiled in one place
 * each time is refused by the rule that names the spoiled place.
 */
class EspdValidatorTest {

    static final String EXAMPLE = "espd-4.1.0-example-response.xml";

    static String example() throws IOException {
        try (InputStream in = EspdValidatorTest.class.getResourceAsStream("/coop/intercoop/hub/tenders/" + EXAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    final EspdValidator validator = new EspdValidator();

    @Test
    void theModelsExampleResponseIsValid() throws IOException {
        EspdValidator.Result result = validator.check(example().getBytes(StandardCharsets.UTF_8));
        assertTrue(result.valid(), () -> result.refusals().toString());
    }

    @Test
    void anElementTheSchemaDoesNotKnowIsRefusedWithItsLine() throws IOException {
        String spoiled = example().replace("<cbc:CopyIndicator>false</cbc:CopyIndicator>",
                "<cbc:CopyIndicator>false</cbc:CopyIndicator><cbc:Colour>red</cbc:Colour>");
        EspdValidator.Result result = validator.check(spoiled.getBytes(StandardCharsets.UTF_8));
        assertFalse(result.valid());
        assertEquals("XSD", result.refusals().get(0).rule());
        assertTrue(result.refusals().get(0).location().startsWith("line "), result.refusals().get(0)::toString);
    }

    @Test
    void aRoleOutsideTheCodeListIsRefusedByTheCodeListRule() throws IOException {
        String spoiled = example().replace(">group-mem</cbc:RoleCode>", ">chairman</cbc:RoleCode>");
        EspdValidator.Result result = validator.check(spoiled.getBytes(StandardCharsets.UTF_8));
        assertFalse(result.valid());
        assertTrue(result.refusals().stream().anyMatch(f -> f.text().contains("chairman")),
                () -> result.refusals().toString());
    }

    @Test
    void aCriterionUnknownToECertisIsRefusedByTheCriterionRule() throws IOException {
        String spoiled = example().replace(">005eb9ed-1347-4ca3-bb29-9bc0db64e1ab<",
                ">00000000-1347-4ca3-bb29-9bc0db64e1ab<");
        EspdValidator.Result result = validator.check(spoiled.getBytes(StandardCharsets.UTF_8));
        assertFalse(result.valid());
        assertTrue(result.refusals().stream().anyMatch(f -> f.rule().equals("BR-TC-02-02")),
                () -> result.refusals().toString());
    }

    @Test
    void aDocumentThatIsNotXmlIsRefusedWithoutRunningTheRules() {
        EspdValidator.Result result = validator.check("not xml".getBytes(StandardCharsets.UTF_8));
        assertFalse(result.valid());
        assertEquals(1, result.findings().size());
    }
}
