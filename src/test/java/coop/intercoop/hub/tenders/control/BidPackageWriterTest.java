package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenders.entity.BidItem.Envelope;

/**
 * A bid package holds every part in its place, the commitment names the members, their shares and the representative as
 * Ley 9/2017 art. 69.3 asks, the checklist is readable as CSV, and its read-me lists every file with the digest of the
 * bytes in the zip.
 */
class BidPackageWriterTest {

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static BidPackageWriter.Contents contents() {
        return new BidPackageWriter.Contents("SERV-2026-041", "Servicio de atención", "Ayuntamiento de prueba",
                List.of("1"), "UTE Arco Puentes",
                List.of(new BidPackageWriter.Member("Lanzadera Social S. Coop.", "F12345678", new BigDecimal("60.00"),
                        true), new BidPackageWriter.Member("Centro Arco", "B87654321", new BigDecimal("40.00"), false)),
                "María López García (NIF 12345678Z)",
                List.of(new BidPackageWriter.Item(Envelope.ADMINISTRATIVE, "Declaración; firmada", "Centro Arco",
                        LocalDate.of(2026, 7, 10), Optional.of(LocalDate.of(2026, 7, 1))),
                        new BidPackageWriter.Item(Envelope.ECONOMIC, "Oferta económica", "Lanzadera Social S. Coop.",
                                LocalDate.of(2026, 7, 15), Optional.empty())),
                List.of(new BidPackageWriter.File("deuc-F12345678.xml", "<a/>".getBytes(StandardCharsets.UTF_8)),
                        new BidPackageWriter.File("deuc-B87654321.xml", "<b/>".getBytes(StandardCharsets.UTF_8))),
                new BidPackageWriter.File("deuc.xml", "<request/>".getBytes(StandardCharsets.UTF_8)),
                Optional.of(new byte[] { 1, 2, 3 }),
                List.of(new BidPackageWriter.Document(Envelope.TECHNICAL, "memoria.pdf", () -> new byte[] { 4 }),
                        new BidPackageWriter.Document(Envelope.TECHNICAL, "memoria.pdf", () -> new byte[] { 5 })),
                List.of(new BidPackageWriter.CertificateFile("B87654321", "aeat.pdf", () -> new byte[] { 6 })),
                ZonedDateTime.of(2026, 12, 7, 11, 0, 0, 0, ZoneId.of("Europe/Madrid")));
    }

    @Test
    void everyPartIsInItsPlaceAndTheReadMeListsItsDigest() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BidPackageWriter.write(contents(), out);
        Map<String, byte[]> entries = unzip(out.toByteArray());
        assertEquals(List.of("lista-de-comprobacion.csv", "compromiso-ute.txt", "deuc/deuc-F12345678.xml",
                "deuc/deuc-B87654321.xml", "deuc/solicitud/deuc.xml", "precio.xlsx", "documentos/tecnico/memoria.pdf",
                "documentos/tecnico/memoria (2).pdf", "certificados/B87654321/aeat.pdf", "LEEME.txt"),
                List.copyOf(entries.keySet()));
        String readMe = new String(entries.get("LEEME.txt"), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals("LEEME.txt")) {
                assertTrue(readMe.contains(e.getKey() + "  " + e.getValue().length + " bytes  SHA-256 "
                        + BidDocuments.sha256(e.getValue())), e.getKey());
            }
        }
        assertEquals(5, entries.get("documentos/tecnico/memoria (2).pdf")[0]);
        assertEquals(entries.size(), BidPackageWriter.files(contents()));
    }

    @Test
    void theCommitmentNamesTheMembersTheirSharesAndTheRepresentative() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BidPackageWriter.write(contents(), out);
        String commitment = new String(unzip(out.toByteArray()).get("compromiso-ute.txt"), StandardCharsets.UTF_8);
        assertTrue(
                commitment.contains("Lanzadera Social S. Coop., NIF F12345678: 60 % (entidad que encabeza la unión)"),
                commitment);
        assertTrue(commitment.contains("Centro Arco, NIF B87654321: 40 %"), commitment);
        assertTrue(
                commitment.contains("constituirse formalmente en unión temporal en caso de resultar adjudicatarias"));
        assertTrue(commitment.contains("apoderado único") && commitment.contains("María López García (NIF 12345678Z)"));
        assertTrue(commitment.contains("a 07/12/2026"));
        String checklist = new String(unzip(out.toByteArray()).get("lista-de-comprobacion.csv"),
                StandardCharsets.UTF_8);
        assertEquals(
                List.of("\uFEFFsobre;tarea;responsable;fecha límite;hecha",
                        "administrativo;\"Declaración; firmada\";Centro Arco;10/07/2026;sí, el 01/07/2026",
                        "economico;Oferta económica;Lanzadera Social S. Coop.;15/07/2026;no"),
                checklist.lines().toList());
    }

    /** A name uploaded with separators or control characters cannot reach outside its folder of the zip. */
    @Test
    void aFilesNameKeepsNoPathSeparator() {
        assertEquals(".._.._etc_passwd", BidDocuments.safeName("../../etc/passwd"));
        assertEquals("C__Users_a_b.pdf", BidDocuments.safeName("C:\\Users\\a\\b.pdf"));
        assertEquals("memoria_técnica_.pdf", BidDocuments.safeName(" memoria\u0000técnica\n.pdf "));
    }
}
