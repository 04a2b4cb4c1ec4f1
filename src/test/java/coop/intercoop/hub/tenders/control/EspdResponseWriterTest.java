package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenders.control.EspdResponseWriter.Respondent;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Role;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Sheltered;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Staff;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Turnover;
import coop.intercoop.hub.tenders.entity.EspdRefusedException;

/**
 * Each member of a consortium of three answers a request of every criterion e-Certis defines (the model's own, 4.1.0)
 * and a 2.1.1 request, and every response passes the model's schema and business rules; requests the hub does not read
 * are refused naming why.
 */
class EspdResponseWriterTest {

    static final OffsetDateTime ISSUED = OffsetDateTime.of(2026, 12, 7, 10, 30, 0, 0, ZoneOffset.ofHours(1));
    final EspdValidator validator = new EspdValidator();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = EspdResponseWriterTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** Every criterion e-Certis defines, as the model's request example asks them. */
    static EspdRequest everyCriterion() throws IOException {
        return EspdRequest.read(resource("/espd/4.1.0/xsl/ESPD-criterion.xml"));
    }

    static List<Respondent> consortium(String lot) {
        List<String> all = List.of("Lanzadera Social S. Coop. (F12345678)", "Centro Especial Arco (B87654321)",
                "Asociación Puentes (G11223344)");
        return List.of(new Respondent("Lanzadera Social S. Coop.", "F12345678", "small", Role.LEAD, "UTE Arco Puentes",
                List.of(all.get(1), all.get(2)), lot,
                Optional.of(new Turnover(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                        new BigDecimal("1234567.89"))),
                Optional.of(new Staff(2025, new BigDecimal("23.40"), new BigDecimal("12.50"))),
                Optional.of(new Sheltered(false, BigDecimal.ZERO, "")),
                List.of(new EspdResponseWriter.Reference("Vigilancia de edificios (CPV 79714000)",
                        "Ayuntamiento de Zafra", new BigDecimal("100000.00"), LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31)),
                        new EspdResponseWriter.Reference("Seguridad de un museo (CPV 79711000)", "Museo del Prado",
                                new BigDecimal("36500.00"), LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30))),
                java.util.Map.of("tax-pay",
                        new EspdResponseWriter.Evidence("CSV 7Q4XK2LZ",
                                "https://sede.agenciatributaria.gob.es/Sede/verificacion.html?csv=7Q4XK2LZ",
                                Optional.of("Agencia Estatal de Administración Tributaria")))),
                new Respondent("Centro Especial Arco", "B87654321", "micro", Role.MEMBER, "UTE Arco Puentes",
                        List.of(all.get(0), all.get(2)), lot, Optional.empty(),
                        Optional.of(new Staff(2025, new BigDecimal("8.75"), new BigDecimal("85.71"))),
                        Optional.of(new Sheltered(true, new BigDecimal("85.71"),
                                "Centro especial de empleo (RDL 1/2013, art. 43)")),
                        List.of(), java.util.Map.of()),
                new Respondent("Asociación Puentes", "G11223344", "micro", Role.MEMBER, "UTE Arco Puentes",
                        List.of(all.get(0), all.get(1)), lot, Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(), java.util.Map.of()));
    }

    @Test
    void eachMemberAnswersEveryCriterionOfTheModelAndTheResponsesValidate() throws IOException {
        EspdRequest request = everyCriterion();
        assertEquals("4.1.0", request.version());
        assertEquals(62, request.criteria().size());
        assertEquals(List.of(), request.unknown());
        for (Respondent member : consortium(request.lots().get(0))) {
            EspdResponseWriter.Written written = EspdResponseWriter.write(request, member, ISSUED);
            EspdValidator.Result result = validator.check(written.xml());
            assertTrue(result.valid(), () -> member.name() + ": " + result.refusals());
            String xml = new String(written.xml(), StandardCharsets.UTF_8);
            assertTrue(written.answered().containsAll(List.of("crime-org", "tax-pay", "socsec-pay", "eo-group")));
            assertTrue(xml.contains(">" + member.taxId() + "<"));
            assertTrue(xml.contains(member.role() == Role.LEAD ? ">group-lead<" : ">group-mem<"));
        }
        String lead = new String(EspdResponseWriter.write(request, consortium("LOT-0000").get(0), ISSUED).xml(),
                StandardCharsets.UTF_8);
        assertTrue(lead.contains("<cbc:ResponseAmount currencyID=\"EUR\">1234567.89</cbc:ResponseAmount>"));
        assertTrue(lead.contains("<cbc:StartDate>2025-01-01</cbc:StartDate>"));
        assertTrue(lead.contains("<cbc:ResponseQuantity unitCode=\"INTEGER\">23</cbc:ResponseQuantity>"));
        // the lead's two services: each question of the reference answered once per service, in order
        assertTrue(lead.contains("<cbc:Description>Vigilancia de edificios (CPV 79714000)</cbc:Description>"));
        assertEquals(List.of("100000.00", "36500.00"), java.util.regex.Pattern.compile(
                "service-perform/RG1/RSG1/QSG2/QSG1/Q2</cbc:ValidatedCriterionPropertyID>\\s*<cac:ResponseValue>.*?"
                        + "<cbc:ResponseAmount currencyID=\"EUR\">([0-9.]+)<",
                java.util.regex.Pattern.DOTALL).matcher(lead).results().map(m -> m.group(1)).toList(),
                "a response to the property per reference");
        assertTrue(lead.contains("<cbc:StartDate>2024-07-01</cbc:StartDate>"));
        // its tax certificate, checkable at the agency's address, is the evidence of its answer on taxes
        java.util.regex.Matcher supplied = java.util.regex.Pattern.compile("C7_EG_tax-pay/QG1/QSG1/Q1"
                + "</cbc:ValidatedCriterionPropertyID>\\s*<cac:EvidenceSupplied>\\s*<cbc:ID[^>]*>(EVIDENCE-[0-9a-f-]+)<")
                .matcher(lead);
        assertTrue(supplied.find(), "evidence supplied for tax-pay");
        assertTrue(lead.contains(
                "<cbc:URI>https://sede.agenciatributaria.gob.es/Sede/verificacion.html?csv=7Q4XK2LZ" + "</cbc:URI>"));
        assertEquals(2, lead.split(supplied.group(1), -1).length - 1, "named by the response and by the evidence");
        String centre = new String(EspdResponseWriter.write(request, consortium("LOT-0000").get(1), ISSUED).xml(),
                StandardCharsets.UTF_8);
        assertTrue(centre.contains("<cbc:ResponseNumeric format=\"PERCENTAGE\">85.71</cbc:ResponseNumeric>"));
    }

    /** A request of two lots: a response for each lot the bid aims at, each naming its lot, each valid. */
    @Test
    void aRequestOfSeveralLotsIsAnsweredOnceForEachLot() throws IOException {
        String catalogue = new String(resource("/espd/4.1.0/xsl/ESPD-criterion.xml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher lot = java.util.regex.Pattern
                .compile("<cac:ProcurementProjectLot>.*?</cac:ProcurementProjectLot>", java.util.regex.Pattern.DOTALL)
                .matcher(catalogue);
        assertTrue(lot.find());
        String two = lot.group().replace("LOT-0000", "LOT-0001") + lot.group().replace("LOT-0000", "LOT-0002");
        EspdRequest request = EspdRequest
                .read((catalogue.substring(0, lot.start()) + two + catalogue.substring(lot.end()))
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("LOT-0001", "LOT-0002"), request.lots());
        List<String> lots = Espds.lots(request.lots(), List.of("1", "2"));
        assertEquals(List.of("LOT-0001", "LOT-0002"), lots, "the platform's lot 1 is the request's LOT-0001");
        Respondent lead = consortium("LOT-0000").get(0);
        for (String each : lots) {
            byte[] xml = EspdResponseWriter.write(request, lead.forLot(each), ISSUED).xml();
            EspdValidator.Result result = validator.check(xml);
            assertTrue(result.valid(), () -> each + ": " + result.refusals());
            String text = new String(xml, StandardCharsets.UTF_8);
            assertTrue(text.contains(">" + each + "</cbc:ID>"), each);
        }
    }

    @Test
    void whatTheHubDoesNotKnowIsLeftForTheMemberToComplete() throws IOException {
        EspdRequest request = everyCriterion();
        EspdResponseWriter.Written third = EspdResponseWriter.write(request, consortium("LOT-0000").get(2), ISSUED);
        assertFalse(third.answered().contains("gen-year-to"), "no turnover was consented to");
        assertFalse(third.answered().contains("year-manpower"));
        assertFalse(third.answered().contains("shelt-worksh"));
        assertFalse(third.answered().contains("service-perform"), "no service was consented to");
        assertTrue(validator.check(third.xml()).valid());
    }

    @Test
    void aRequestOfVersion211IsReadIntoTheCriteriaOf410() throws IOException {
        EspdRequest request = EspdRequest.read(resource("/coop/intercoop/hub/tenders/espd-2.1.1-request.xml"));
        assertEquals("2.1.1", request.version());
        assertEquals("SERV-2026-041", request.folderId());
        assertEquals(List.of("crime-org", "tax-pay", "socsec-pay", "gen-year-to", "year-manpower", "shelt-worksh",
                "eo-group"), request.criteria().stream().map(EspdRequest.Criterion::code).toList());
        assertEquals(List.of("CRITERION.OTHER.EO_DATA.SOMETHING_NEW"), request.unknown());
        assertEquals(Optional.of(new BigDecimal("10000.00")), request.criteria().get(3).minimumAmount(),
                "the buyer's least turnover, read from the request's own criterion");
        assertEquals(Optional.empty(), request.criteria().get(0).minimumAmount());
        for (Respondent member : consortium("LOT-0000")) {
            EspdValidator.Result result = validator.check(EspdResponseWriter.write(request, member, ISSUED).xml());
            assertTrue(result.valid(), () -> member.name() + ": " + result.refusals());
        }
    }

    /** The catalogue of criteria is shared: requests of older versions copy from it on many threads at once. */
    @Test
    void olderRequestsAreReadAndAnsweredOnManyThreadsAtOnce() throws Exception {
        byte[] bytes = resource("/coop/intercoop/hub/tenders/espd-2.1.1-request.xml");
        Respondent lead = consortium("LOT-0000").get(0);
        String expected = new String(EspdResponseWriter.write(EspdRequest.read(bytes), lead, ISSUED).xml(),
                StandardCharsets.UTF_8).replaceAll(">[0-9a-f-]{36}<|(ESPDRESP|EVIDENCE)-[0-9a-f-]{36}", "");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> written = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                written.add(pool
                        .submit(() -> new String(EspdResponseWriter.write(EspdRequest.read(bytes), lead, ISSUED).xml(),
                                StandardCharsets.UTF_8).replaceAll(">[0-9a-f-]{36}<|(ESPDRESP|EVIDENCE)-[0-9a-f-]{36}",
                                        "")));
            }
            for (java.util.concurrent.Future<String> w : written) {
                assertEquals(expected, w.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatIsNotARequestIsRefusedNamingWhy() throws IOException {
        assertEquals("espd.xml", refusal("<QualificationApplicationRequest".getBytes(StandardCharsets.UTF_8)));
        assertEquals("espd.doctype", refusal(
                ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]>" + "<QualificationApplicationRequest/>")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("espd.response", refusal(resource("/coop/intercoop/hub/tenders/espd-4.1.0-example-response.xml")));
        assertEquals("espd.root", refusal(resource("/coop/intercoop/hub/tenders/643-2018-01-twenty-entries.atom")));
        String request = new String(resource("/espd/4.1.0/xsl/ESPD-criterion.xml"), StandardCharsets.UTF_8);
        assertEquals("espd.version",
                refusal(request.replace(">ESPD-EDMv4.1.0<", ">ESPD-EDMv9.0.0<").getBytes(StandardCharsets.UTF_8)));
        assertEquals("espd.criteria",
                refusal(request.replaceAll(">[a-z-]+</cbc:CriterionTypeCode>", ">unheard-of</cbc:CriterionTypeCode>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(EspdRefusedException.class, () -> EspdRequest.read(bytes)).key();
    }
}
