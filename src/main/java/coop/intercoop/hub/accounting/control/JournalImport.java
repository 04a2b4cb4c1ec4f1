package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.accounting.entity.Activity;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportRow;

/**
 * The journal-entry workbook of a shared-services accountant: entries of several organisations in one sheet, each row
 * naming its organisation by tax id (resolved among the accountant's own memberships) or, without that column, in the
 * organisation the job was started in.
 */
@Dependent
public class JournalImport extends EntryImport {

    public static final String KIND = "journal-entries";

    private static final List<Column> COLUMNS = List.of(
            Column.optional("organisation", "organización", "organizacion", "entidad", "organization", "nif entidad",
                    "cif"),
            Column.required("entryKey", "asiento", "clave asiento", "clave", "entry", "entry key", "key"),
            Column.required("date", "fecha", "date").dates(), Column.required("journal", "diario", "journal"),
            Column.required("account", "cuenta", "account"),
            Column.required("description", "concepto", "descripción", "descripcion", "description"),
            Column.optional("debit", "debe", "debit").amounts(), Column.optional("credit", "haber", "credit").amounts(),
            Column.optional("document", "documento", "document", "referencia"),
            Column.optional("thirdPartyNif", "nif", "nif tercero", "third party nif", "tax id"),
            Column.optional("project", "proyecto", "project"),
            Column.optional("grant", "subvención", "subvencion", "grant"),
            Column.optional("activity", "actividad", "activity"),
            Column.optional("workCentre", "centro de trabajo", "ccc", "work centre", "work center"));

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    Head head(ImportRow row, Run run) {
        String named = row.text("organisation", 20);
        Long org = named == null ? Long.valueOf(run.jobOrganisation()) : run.organisation(row, "organisation", named);
        String key = row.requiredText("entryKey", 100);
        LocalDate date = row.requiredDate("date");
        Journal journal = journal(row, row.requiredText("journal", 40));
        String description = row.requiredText("description", EntryDraft.MAX_DESCRIPTION);
        String document = row.text("document", EntryDraft.MAX_DOCUMENT);
        return org == null || key == null ? null : new Head(org, key, date, journal, description, document);
    }

    @Override
    public Template template(Locale language) {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("entryKey", "A-1");
        first.put("date", LocalDate.now().withDayOfMonth(1));
        first.put("journal", Journal.BANK.label(language));
        first.put("account", "629");
        first.put("description", "en".equals(language.getLanguage()) ? "Office supplies" : "Material de oficina");
        first.put("debit", new BigDecimal("121.00"));
        first.put("document", "F-2025-001");
        first.put("activity", Activity.OWN.label(language));
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.remove("debit");
        second.remove("activity");
        second.put("account", "572");
        second.put("credit", new BigDecimal("121.00"));
        // the names the portal shows, in the template's language: the importer takes them as it takes the codes
        return new Template(Map.of("journal", Arrays.stream(Journal.values()).map(j -> j.label(language)).toList(),
                "activity", Arrays.stream(Activity.values()).map(a -> a.label(language)).toList()),
                List.of(first, second));
    }
}
