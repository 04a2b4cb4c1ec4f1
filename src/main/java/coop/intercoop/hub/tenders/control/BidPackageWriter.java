package coop.intercoop.hub.tenders.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import coop.intercoop.hub.tenders.entity.BidItem;

/**
 * Writes a bid package: one zip, in Spanish, of what the consortium presents — the checklist of each envelope with
 * owner, due date and state; each member's ESPD (DEUC) and the buyer's request it answers; the commitment to form the
 * temporary union with each member's name, tax id and share, the representative and the undertaking to form it formally
 * if awarded (Ley 9/2017 art. 69.3); the pricing workbook; the documents uploaded, by envelope; and a {@code LEEME.txt}
 * listing every file with its size and SHA-256 digest. Entries are written as they come, so memory holds one entry at a
 * time.
 */
final class BidPackageWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A member: name, tax id, share in percent, whether it leads. */
    record Member(String name, String taxId, BigDecimal share, boolean lead) {
    }

    /** A checklist item: envelope, title, owner's name, due date, when done (empty: not yet). */
    record Item(BidItem.Envelope envelope, String title, String owner, LocalDate due, Optional<LocalDate> done) {
    }

    /** A file of the package: its name and bytes. */
    record File(String name, byte[] content) {
    }

    /**
     * What a package holds: the tender (file number, title, buyer, lots bid for), the consortium and its members, the
     * representative, the checklist, the ESPDs, the request, the pricing workbook (if the bid is priced), the documents
     * by envelope and the members' certificates valid on the deadline.
     */
    record Contents(String folderId, String title, String buyer, List<String> lots, String consortium,
            List<Member> members, String representative, List<Item> checklist, List<File> espds, File request,
            Optional<byte[]> pricing, List<Document> documents, List<CertificateFile> certificates,
            ZonedDateTime built) {
    }

    /** A member's certificate's document, under the member's tax id; its bytes read when its entry is written. */
    record CertificateFile(String taxId, String name, java.util.function.Supplier<byte[]> content) {
    }

    /** A document in its envelope; its bytes read when its entry is written. */
    record Document(BidItem.Envelope envelope, String name, java.util.function.Supplier<byte[]> content) {
    }

    private final ZipOutputStream zip;
    private final List<String> manifest = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private BidPackageWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /**
     * How many files {@link #write} puts in the package: the checklist, the commitment, the ESPDs, the request, the
     * workbook if any, the documents, the certificates and the read-me.
     */
    static int files(Contents contents) {
        return 2 + contents.espds().size() + 1 + (contents.pricing().isPresent() ? 1 : 0) + contents.documents().size()
                + contents.certificates().size() + 1;
    }

    /** Writes the package to the stream, which it closes. */
    static void write(Contents contents, OutputStream out) {
        BidPackageWriter writer = new BidPackageWriter(out);
        try (ZipOutputStream zip = writer.zip) {
            writer.entry("lista-de-comprobacion.csv", checklist(contents.checklist()));
            writer.entry("compromiso-ute.txt", commitment(contents));
            for (File espd : contents.espds()) {
                writer.entry("deuc/" + espd.name(), espd.content());
            }
            writer.entry("deuc/solicitud/" + contents.request().name(), contents.request().content());
            if (contents.pricing().isPresent()) {
                writer.entry("precio.xlsx", contents.pricing().get());
            }
            for (Document d : contents.documents()) {
                writer.entry("documentos/" + envelope(d.envelope()) + "/" + d.name(), d.content().get());
            }
            for (CertificateFile c : contents.certificates()) {
                writer.entry("certificados/" + BidDocuments.safeName(c.taxId()) + "/" + c.name(), c.content().get());
            }
            writer.entry("LEEME.txt", writer.readMe(contents));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void entry(String name, byte[] content) throws IOException {
        String unique = name;
        for (int n = 2; !names.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
            int dot = name.lastIndexOf('.');
            unique = dot > name.lastIndexOf('/') ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot)
                    : name + " (" + n + ")";
        }
        zip.putNextEntry(new ZipEntry(unique));
        zip.write(content);
        zip.closeEntry();
        manifest.add(unique + "  " + content.length + " bytes  SHA-256 " + BidDocuments.sha256(content));
    }

    private byte[] readMe(Contents c) {
        StringBuilder text = new StringBuilder();
        text.append("Paquete de la oferta del consorcio ").append(c.consortium()).append('\n');
        text.append("Licitación ").append(c.folderId()).append(": ").append(c.title()).append('\n');
        text.append("Órgano de contratación: ").append(c.buyer()).append('\n');
        text.append("Lotes: ").append(c.lots().isEmpty() ? "la licitación entera" : String.join(", ", c.lots()))
                .append('\n');
        text.append("Preparado el ").append(c.built().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm z")))
                .append(" por Intercoop Hub.\n\n");
        text.append("Cada DEUC (deuc/) responde a la solicitud del órgano (deuc/solicitud/) y cumple el esquema y las ")
                .append("reglas de ESPD-EDM 4.1.0, comprobados al preparar el paquete.\n");
        if (c.pricing().isEmpty()) {
            text.append("La oferta no tiene cálculo del precio en el hub: precio.xlsx no se incluye.\n");
        }
        text.append("\nFicheros:\n");
        manifest.forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The checklist as CSV (semicolons, UTF-8 with its mark so spreadsheets read the accents). */
    private static byte[] checklist(List<Item> items) {
        StringBuilder csv = new StringBuilder("\uFEFFsobre;tarea;responsable;fecha límite;hecha\n");
        for (Item i : items) {
            csv.append(envelope(i.envelope())).append(';').append(cell(i.title())).append(';').append(cell(i.owner()))
                    .append(';').append(i.due().format(DAY)).append(';')
                    .append(i.done().map(d -> "sí, el " + d.format(DAY)).orElse("no")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text.contains(";") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String envelope(BidItem.Envelope envelope) {
        return switch (envelope) {
            case ADMINISTRATIVE -> "administrativo";
            case TECHNICAL -> "tecnico";
            case ECONOMIC -> "economico";
        };
    }

    /** The commitment to form the temporary union (Ley 9/2017 art. 69.3), for the members to sign. */
    private static byte[] commitment(Contents c) {
        StringBuilder text = new StringBuilder();
        text.append("COMPROMISO DE CONSTITUCIÓN DE UNIÓN TEMPORAL DE EMPRESAS\n");
        text.append("(Ley 9/2017, de Contratos del Sector Público, artículo 69.3)\n\n");
        text.append("Licitación: ").append(c.folderId()).append(", ").append(c.title()).append('\n');
        text.append("Órgano de contratación: ").append(c.buyer()).append('\n');
        text.append("Lotes: ").append(c.lots().isEmpty() ? "la licitación entera" : String.join(", ", c.lots()))
                .append("\n\n");
        text.append("Las entidades que suscriben, que concurren agrupadas a esta licitación con el nombre «")
                .append(c.consortium()).append("», declaran:\n\n");
        text.append("1. Que la unión temporal la constituyen, con la participación que se indica:\n");
        for (Member m : c.members()) {
            text.append("   - ").append(m.name()).append(", NIF ").append(m.taxId()).append(": ")
                    .append(m.share().stripTrailingZeros().toPlainString().replace('.', ',')).append(" %")
                    .append(m.lead() ? " (entidad que encabeza la unión)" : "").append('\n');
        }
        text.append("\n2. Que asumen el compromiso de constituirse formalmente en unión temporal en caso de resultar ")
                .append("adjudicatarias del contrato, y que quedarán obligadas solidariamente ante el órgano de ")
                .append("contratación.\n\n");
        text.append("3. Que nombran representante o apoderado único de la unión, con poderes bastantes para ejercitar ")
                .append("los derechos y cumplir las obligaciones que del contrato se deriven hasta su extinción, a: ")
                .append(c.representative()).append(".\n\n");
        text.append("En ______________, a ").append(c.built().toLocalDate().format(DAY)).append("\n\n");
        for (Member m : c.members()) {
            text.append("Por ").append(m.name()).append(" (NIF ").append(m.taxId())
                    .append("):\n\nFdo.: ______________________________\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
